namespace TfOps.Native;

/// <summary>How <see cref="TensorFlowKernelPlugin.Register"/> installs the managed BiasAddGrad kernel in TensorFlow.</summary>
public sealed class TensorFlowKernelOptions
{
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
    public int Priority { get; init; } = 1;

    /// <summary>
    /// A kernel label: when set, the kernel serves only nodes whose <c>_kernel</c> attr equals it,
    /// and TensorFlow's own kernel keeps serving the rest. Needs TensorFlow 2.10 or later.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>The dtypes to register (any of <see cref="TfDataTypes.BiasAddGradTypes"/>); null registers all 19.</summary>
    public IReadOnlyList<TfDataType>? DataTypes { get; init; }

    /// <summary>
    /// The most threads one BiasAddGrad may use inside TensorFlow. Null means the environment variable
    /// <c>TFOPS_NUM_THREADS</c> when it holds a positive integer, else 1: TensorFlow's executor already
    /// runs independent ops in parallel on its own threads, and a kernel that fans out onto .NET's
    /// thread pool as well would oversubscribe the cores. Results never depend on it.
    /// </summary>
    public int? MaxThreads { get; init; }
}
