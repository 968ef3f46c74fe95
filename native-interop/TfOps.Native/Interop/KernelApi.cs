using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// The whole table of C functions the plugin uses, one part per native header. Built only when a
/// source exports every required symbol, so no call can fail with EntryPointNotFoundException.
/// </summary>
internal sealed class KernelApi
{
    private KernelApi(string libraryName, NativeKernels kernels, NativeTensor tensor, NativeStatus status)
    {
        LibraryName = libraryName;
        Kernels = kernels;
        Tensor = tensor;
        Status = status;
    }

    /// <summary>Every required symbol, in lookup order (derived from the binding itself, so it cannot drift).</summary>
    public static IReadOnlyList<string> RequiredSymbols { get; } = SymbolBinder.RequiredBy(source =>
    {
        TryBind(source, out var missing);
        return missing;
    });

    /// <summary>What the functions were resolved from.</summary>
    public string LibraryName { get; }

    /// <summary>kernels.h.</summary>
    public NativeKernels Kernels { get; }

    /// <summary>tf_tensor.h.</summary>
    public NativeTensor Tensor { get; }

    /// <summary>tf_status.h.</summary>
    public NativeStatus Status { get; }

    /// <summary>Binds every function from <paramref name="source"/>; null with the missing names when a required one is absent.</summary>
    public static KernelApi? TryBind(ISymbolSource source, out IReadOnlyList<string> missing)
    {
        var bind = new SymbolBinder(source);
        var api = new KernelApi(source.Name, new NativeKernels(bind), new NativeTensor(bind), new NativeStatus(bind));
        missing = bind.Missing;
        return missing.Count == 0 ? api : null;
    }
}
