namespace TfOps.Native;

/// <summary>How <see cref="TensorFlowKernelPlugin.Register"/> installs the managed BiasAddGrad kernel in TensorFlow.</summary>
/// <remarks>
/// Out-of-range values are rejected where they are set (<see cref="ArgumentOutOfRangeException"/>,
/// <see cref="ArgumentException"/>); <see cref="DataTypes"/> is checked by Register.
/// </remarks>
public sealed record TensorFlowKernelOptions
{
    private readonly int _priority = 1;
    private readonly int? _maxThreads;
    private readonly string? _label;

    /// <summary>
    /// The TensorFlow library that exports the C kernel API. When null, <c>TFOPS_TENSORFLOW_LIBRARY</c>
    /// is used, then the library TensorFlow.NET loads (<c>tensorflow</c>), then
    /// <c>libtensorflow_framework.so.2</c>.
    /// </summary>
    public string? LibraryPath { get; init; }

    /// <summary>
    /// The registrations' priority. TensorFlow's own CPU kernels have priority 0 and the highest
    /// matching priority wins, so the default 1 takes BiasAddGrad over on the CPU. Must be at least 1:
    /// a tie with TensorFlow's kernel fails every BiasAddGrad at run time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value below 1.</exception>
    public int Priority
    {
        get => _priority;
        init => _priority = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Priority), value, "Priority must be at least 1 (TensorFlow's own kernel has 0, and a tie fails at run time)");
    }

    /// <summary>
    /// A kernel label: when set, the kernel serves only nodes whose <c>_kernel</c> attr equals it,
    /// and TensorFlow's own kernel keeps serving the rest. Needs TensorFlow 2.10 or later. An empty
    /// label means none.
    /// </summary>
    /// <exception cref="ArgumentException">A label containing NUL.</exception>
    public string? Label
    {
        get => _label;
        init => _label = value?.Contains('\0', StringComparison.Ordinal) == true
            ? throw new ArgumentException("Label must not contain NUL characters", nameof(Label))
            : value;
    }

    /// <summary>The dtypes to register (any of <see cref="TfDataTypes.BiasAddGradTypes"/>); null registers all 19.</summary>
    public IReadOnlyList<TfDataType>? DataTypes { get; init; }

    /// <summary>
    /// The most threads one BiasAddGrad may use inside TensorFlow (at least 1). Null means
    /// <see cref="KernelOptions.EnvironmentMaxThreads"/> (<c>TFOPS_NUM_THREADS</c>) when set, else 1:
    /// TensorFlow's executor already runs independent ops in parallel on its own threads, and a kernel
    /// that fans out onto more threads as well would oversubscribe the cores. Results never depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value below 1.</exception>
    public int? MaxThreads
    {
        get => _maxThreads;
        init => _maxThreads = value is null or >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxThreads), value, "MaxThreads must be at least 1");
    }
}
