using System.Reflection;
using System.Runtime.InteropServices;

namespace TfOps.Native.Interop;

/// <summary>A native library opened with <see cref="NativeLibrary"/>, as a symbol source.</summary>
internal sealed class NativeLibrarySource : ISymbolSource, IDisposable
{
    private nint _handle; // the OS loader's handle (dlopen / LoadLibrary)

    private NativeLibrarySource(string name, nint handle)
    {
        Name = name;
        _handle = handle;
    }

    public string Name { get; }

    /// <summary>
    /// Opens a library; null with the loader's reason when it cannot be loaded.
    /// <paramref name="probeLikeDllImport"/> searches the way <c>[DllImport("tensorflow")]</c> does
    /// (prefixes, suffixes, the application's native assets), which finds the copy TensorFlow.NET loads.
    /// </summary>
    public static NativeLibrarySource? TryOpen(string name, bool probeLikeDllImport, out string? failure)
    {
        try
        {
            nint handle = probeLikeDllImport
                ? NativeLibrary.Load(name, Assembly.GetExecutingAssembly(), searchPath: null)
                : NativeLibrary.Load(name);
            failure = null;
            return new NativeLibrarySource(name, handle);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
        {
            failure = e.Message;
            return null;
        }
    }

    public bool TryGetExport(string symbol, out nint address) =>
        NativeLibrary.TryGetExport(_handle, symbol, out address);

    /// <summary>
    /// Keeps the library loaded for the rest of the process: TensorFlow holds pointers to the
    /// plugin's callbacks and the plugin holds pointers into the library, so it must never unload.
    /// </summary>
    public void KeepLoaded() => _handle = 0;

    /// <summary>Unloads a candidate that was rejected (it lacked a required symbol).</summary>
    public void Dispose()
    {
        if (_handle != 0)
        {
            NativeLibrary.Free(_handle);
            _handle = 0;
        }
    }
}
