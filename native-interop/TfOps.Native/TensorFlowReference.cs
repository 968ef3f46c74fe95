using TfOps.Native.Eager;
using TfOps.Native.Interop;

namespace TfOps.Native;

/// <summary>
/// TensorFlow's own BiasAddGrad, run in this process through libtensorflow's eager C API on the CPU
/// device: the reference TfOps is checked against, from the same library a TensorFlow.NET
/// application already loads. It runs TensorFlow's built-in kernel and never registers TfOps's
/// plugin.
/// </summary>
/// <remarks>
/// <para>One instance owns one <c>TFE_Context</c> (one intra-op thread, so results repeat on any
/// machine); every call creates and releases its own tensors, tensor handles, op and status, and
/// <see cref="Dispose"/> deletes the context. Nothing TensorFlow allocates outlives the instance.
/// The library itself stays loaded: TensorFlow cannot be unloaded safely.</para>
/// <para>Thread safety: calls may run concurrently from several threads on one instance. They
/// share only the context, which TensorFlow's eager runtime lets several threads execute ops in
/// (Python threads share one eager context). Disposing while a call runs is safe: the context is
/// deleted when the last running call has deleted its op; later calls throw
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class TensorFlowReference : IDisposable
{
    // TensorShape::MaxDimensions(): a larger rank makes TensorFlow abort the process.
    private const int MaxRank = 254;

    private readonly EagerApi _api;
    private readonly ContextHandle _context;

    private TensorFlowReference(EagerApi api, ContextHandle context, string version)
    {
        _api = api;
        _context = context;
        Version = version;
    }

    /// <summary>The library the eager C API was resolved from (the path or name that loaded).</summary>
    public string LibraryPath => _api.LibraryName;

    /// <summary>What the library's <c>TF_Version()</c> returns, such as <c>2.16.1</c>.</summary>
    public string Version { get; }

    /// <summary>
    /// Loads TensorFlow and creates an eager context. The library is <paramref name="libraryPath"/>
    /// when given, else the environment variable <c>TFOPS_TENSORFLOW_LIBRARY</c>, else <c>tensorflow</c>
    /// (what TensorFlow.NET's <c>[DllImport]</c> loads); the first that exports every function needed wins.
    /// </summary>
    /// <exception cref="TfOpsException">NotFound when no candidate loads and exports every required
    /// function: the one-line message names every path tried, why it failed, and every required symbol.
    /// TensorFlow's own status when it cannot create a context.</exception>
    public static unsafe TensorFlowReference Open(string? libraryPath = null)
    {
        EagerApi api = EagerApiResolver.Resolve(libraryPath);
        // const char* from TF_Version(): a static string inside the library, copied and never freed.
        string version = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)api.Eager.Version()) ?? string.Empty;
        return new TensorFlowReference(api, EagerContext.Create(api), version);
    }

    /// <summary>
    /// Runs TensorFlow's built-in BiasAddGrad on <paramref name="outBackprop"/> (the storage bytes of a
    /// <paramref name="dtype"/> tensor of <paramref name="shape"/>, C order) with the given
    /// <paramref name="dataFormat"/> attr, passed to TensorFlow as it is.
    /// </summary>
    /// <returns>TensorFlow's output tensor.</returns>
    /// <exception cref="TfOpsException">TensorFlow's failure, with its code and its core message
    /// (no <c>{{function_node ...}}</c> prefix, nothing after the first line, no <c> [Op:...]</c>); for
    /// example NotFound for the quantized dtypes, which TensorFlow has no kernel for. FailedPrecondition
    /// when TfOps's plugin is registered in this process without a label: it then serves every
    /// unlabeled BiasAddGrad, so TensorFlow's built-in kernel cannot be reached.</exception>
    /// <exception cref="ArgumentException">The buffer does not hold <paramref name="shape"/>'s elements,
    /// a dim is negative, or <paramref name="dtype"/> has no fixed-size storage.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public TensorFlowTensor BiasAddGrad(TfDataType dtype, ReadOnlySpan<long> shape, string dataFormat, ReadOnlySpan<byte> outBackprop)
    {
        if (TensorFlowKernelPlugin.Current is { Label: null } plugin)
        {
            throw new TfOpsException(TfCode.FailedPrecondition,
                $"TfOps's BiasAddGrad kernel is registered in this process without a label (priority {plugin.Priority}, from '{plugin.LibraryPath}'), " +
                "so TensorFlow runs it for every BiasAddGrad that has no _kernel attr and its built-in kernel cannot be reached here. " +
                "Register the plugin with a Label, or run the reference in a process without the plugin.");
        }

        return Run(dtype, shape, dataFormat, kernelLabel: null, outBackprop);
    }

    /// <summary>
    /// Runs BiasAddGrad with the op's <c>_kernel</c> attr set to <paramref name="kernelLabel"/>: TensorFlow
    /// then considers only kernels registered with that label, such as TfOps's plugin registered with
    /// <see cref="TensorFlowKernelOptions.Label"/>. Lets one process compare TensorFlow's kernel
    /// (<see cref="BiasAddGrad"/>) with a labeled plugin inside the same TensorFlow executor.
    /// </summary>
    /// <exception cref="TfOpsException">TensorFlow's failure, as for <see cref="BiasAddGrad"/>; NotFound
    /// when no kernel carries the label for this dtype.</exception>
    /// <exception cref="ArgumentException">An empty label (that is TensorFlow's own kernel: use
    /// <see cref="BiasAddGrad"/>), or a bad buffer as for <see cref="BiasAddGrad"/>.</exception>
    public TensorFlowTensor BiasAddGradWithKernelLabel(string kernelLabel, TfDataType dtype, ReadOnlySpan<long> shape, string dataFormat,
        ReadOnlySpan<byte> outBackprop)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernelLabel);
        return Run(dtype, shape, dataFormat, kernelLabel, outBackprop);
    }

    /// <summary>Deletes the eager context (after any call still running on another thread).</summary>
    public void Dispose() => _context.Dispose();

    private TensorFlowTensor Run(TfDataType dtype, ReadOnlySpan<long> shape, string dataFormat, string? kernelLabel, ReadOnlySpan<byte> outBackprop)
    {
        ArgumentNullException.ThrowIfNull(dataFormat);
        CheckBuffer(dtype, shape, outBackprop.Length);
        ObjectDisposedException.ThrowIf(_context.IsClosed, this);
        bool held = false;
        try
        {
            _context.DangerousAddRef(ref held);
            return EagerBiasAddGrad.Run(_api, _context, dtype, shape, dataFormat, kernelLabel, outBackprop);
        }
        finally
        {
            if (held)
            {
                _context.DangerousRelease();
            }
        }
    }

    private static void CheckBuffer(TfDataType dtype, ReadOnlySpan<long> shape, int length)
    {
        int size = TfDataTypes.ElementSize(dtype);
        if (size == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "the dtype has no fixed-size storage to pass as bytes");
        }

        if (shape.Length > MaxRank)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape.Length, $"TensorFlow tensors have at most {MaxRank} dimensions");
        }

        long elements = 1;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), dim, "a tensor's dims cannot be negative");
            }

            elements = dim == 0 || elements == 0 ? 0 : elements > long.MaxValue / dim ? throw new ArgumentOutOfRangeException(nameof(shape), "the shape's element count overflows") : elements * dim;
        }

        if (elements > int.MaxValue / size || elements * size != length)
        {
            throw new ArgumentException($"{length} bytes do not hold a {TfDataTypes.CppName(dtype)} tensor of shape [{string.Join(",", shape.ToArray())}]", "outBackprop");
        }
    }
}
