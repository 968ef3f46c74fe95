using System.Globalization;

namespace TfOps;

/// <summary>Per-call settings for the kernels.</summary>
/// <remarks>Invalid values are rejected where they are set, with <see cref="ArgumentOutOfRangeException"/>.</remarks>
public sealed record KernelOptions
{
    private readonly int? _maxThreads;

    /// <summary>
    /// The most threads one call may use (at least 1); null means <see cref="DefaultMaxThreads"/>.
    /// Results never depend on it: only speed does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value below 1.</exception>
    public int? MaxThreads
    {
        get => _maxThreads;
        init => _maxThreads = value is null or >= 1 ? value : throw BelowOne(value.Value);
    }

    /// <summary>
    /// The environment variable <c>TFOPS_NUM_THREADS</c> read as a positive integer (invariant
    /// culture), or null when it is unset or holds anything else; read each time it is asked. It sets
    /// the starting <see cref="DefaultMaxThreads"/>; hosts that default differently (TfOps.Native inside
    /// TensorFlow uses 1) read it here too, so there is one parser.
    /// </summary>
    public static int? EnvironmentMaxThreads => ParseThreads(Environment.GetEnvironmentVariable("TFOPS_NUM_THREADS"));

    /// <summary>
    /// Process-wide thread cap for calls that pass no <see cref="MaxThreads"/>. Starts at
    /// <see cref="EnvironmentMaxThreads"/>, else at <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value below 1.</exception>
    public static int DefaultMaxThreads
    {
        get => s_defaultMaxThreads;
        set => s_defaultMaxThreads = value >= 1 ? value : throw BelowOne(value);
    }

    private static int s_defaultMaxThreads = EnvironmentMaxThreads ?? Environment.ProcessorCount;

    internal static int? ParseThreads(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1 ? n : null;

    private static ArgumentOutOfRangeException BelowOne(int value) =>
        new(nameof(MaxThreads), value, $"MaxThreads must be at least 1, got {value}");
}
