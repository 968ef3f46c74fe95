namespace TfOps.Parity;

/// <summary>What a reference kernel (TensorFlow's, or TfOps's plugin inside TensorFlow) did with one input: an output or a failure.</summary>
public sealed record ReferenceOutcome
{
    private ReferenceOutcome(IReadOnlyList<long>? shape, byte[]? data, TfCode? code, string? message)
    {
        Shape = shape;
        Data = data;
        Code = code;
        Message = message;
    }

    /// <summary>The output's shape, or null for a failure.</summary>
    public IReadOnlyList<long>? Shape { get; }

    /// <summary>The output's storage bytes, or null for a failure.</summary>
    public byte[]? Data { get; }

    /// <summary>The failure's TF_Code, or null for an output.</summary>
    public TfCode? Code { get; }

    /// <summary>The failure's core message (no decorations), or null for an output.</summary>
    public string? Message { get; }

    /// <summary>True when the kernel failed.</summary>
    public bool Failed => Code is not null;

    /// <summary>An output.</summary>
    public static ReferenceOutcome Value(IReadOnlyList<long> shape, byte[] data) =>
        new(shape ?? throw new ArgumentNullException(nameof(shape)), data ?? throw new ArgumentNullException(nameof(data)), null, null);

    /// <summary>A failure with TensorFlow's code and core message.</summary>
    public static ReferenceOutcome Failure(TfCode code, string message) => new(null, null, code, message ?? string.Empty);

    /// <summary>"CODE \"message\"" for a failure, "shape [..]" for an output.</summary>
    public override string ToString() =>
        Failed ? $"{TfCodes.Name(Code!.Value)} \"{Message}\"" : $"an output of shape [{string.Join(",", Shape!)}]";
}

/// <summary>A BiasAddGrad implementation graded against, or graded: TensorFlow's kernel, or a kernel inside TensorFlow.</summary>
public interface IReferenceKernel
{
    /// <summary>
    /// Runs BiasAddGrad on <paramref name="input"/> (storage bytes of <paramref name="dtype"/>, C order).
    /// TensorFlow's failures are returned as <see cref="ReferenceOutcome.Failure"/>; anything else may throw.
    /// </summary>
    ReferenceOutcome Run(GoldenDtype dtype, string dataFormat, IReadOnlyList<long> shape, byte[] input);
}

/// <summary>What the live reference was, for the report's header.</summary>
/// <param name="LibraryPath">The TensorFlow library that ran.</param>
/// <param name="Version">Its TF_Version().</param>
/// <param name="WithPlugin">True when every case also ran through TfOps's plugin inside that TensorFlow.</param>
public sealed record LiveReference(string LibraryPath, string Version, bool WithPlugin);

/// <summary>How TfOps's plugin, run inside TensorFlow's executor, fared on one case.</summary>
/// <param name="Passed">It matched TensorFlow's outcome (or, for quantized dtypes, the manifest) and the managed kernel's bits.</param>
/// <param name="Reason">Why not, or null.</param>
/// <param name="MaxAbsError">Largest |plugin - TensorFlow| (null when nothing was compared).</param>
/// <param name="WorstRatio">Largest error / allowed error (null when nothing was compared).</param>
public sealed record PluginResult(bool Passed, string? Reason, double? MaxAbsError, double? WorstRatio);
