using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// The table of C functions the eager reference uses: eager/c_api.h (with TF_AllocateTensor and
/// TF_Version), tf_tensor.h and tf_status.h. Built only when a source exports every one of them, so
/// no call can fail with EntryPointNotFoundException.
/// </summary>
internal sealed class EagerApi
{
    private EagerApi(string libraryName, NativeEager eager, NativeTensor tensor, NativeStatus status)
    {
        LibraryName = libraryName;
        Eager = eager;
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

    /// <summary>eager/c_api.h, TF_AllocateTensor and TF_Version.</summary>
    public NativeEager Eager { get; }

    /// <summary>tf_tensor.h accessors.</summary>
    public NativeTensor Tensor { get; }

    /// <summary>tf_status.h.</summary>
    public NativeStatus Status { get; }

    /// <summary>Binds every function from <paramref name="source"/>; null with the missing names when a required one is absent.</summary>
    public static EagerApi? TryBind(ISymbolSource source, out IReadOnlyList<string> missing)
    {
        var bind = new SymbolBinder(source);
        var api = new EagerApi(source.Name, new NativeEager(bind), new NativeTensor(bind), new NativeStatus(bind));
        missing = bind.Missing;
        return missing.Count == 0 ? api : null;
    }
}
