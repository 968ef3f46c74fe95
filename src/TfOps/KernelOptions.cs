namespace TfOps;

/// <summary>Per-call settings for the kernels.</summary>
public sealed record KernelOptions
{
    /// <summary>
    /// The most threads one call may use; null means <see cref="DefaultMaxThreads"/>. Results never
    /// depend on it: only speed does.
    /// </summary>
    public int? MaxThreads { get; init; }

    /// <summary>
    /// Process-wide thread cap for calls that pass no options. Starts at the environment variable
    /// <c>TFOPS_NUM_THREADS</c> when it holds a positive integer, else at <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public static int DefaultMaxThreads
    {
        get => s_defaultMaxThreads;
        set => s_defaultMaxThreads = value >= 1
            ? value
            : throw new TfOpsException(TfCode.InvalidArgument, $"MaxThreads must be at least 1, got {value}");
    }

    private static int s_defaultMaxThreads = ReadEnvironmentDefault();

    internal int EffectiveMaxThreads => MaxThreads is int n ? Math.Max(1, n) : DefaultMaxThreads;

    private static int ReadEnvironmentDefault() =>
        int.TryParse(Environment.GetEnvironmentVariable("TFOPS_NUM_THREADS"), out int n) && n >= 1
            ? n
            : Environment.ProcessorCount;
}
