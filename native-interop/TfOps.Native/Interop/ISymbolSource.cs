namespace TfOps.Native.Interop;

/// <summary>
/// Where the C functions come from: a loaded native library in production, a table of managed
/// <c>[UnmanagedCallersOnly]</c> functions in tests. Both fill the same function-pointer table.
/// </summary>
internal interface ISymbolSource
{
    /// <summary>What was loaded, as reported to users (a path, a library name or a test name).</summary>
    string Name { get; }

    /// <summary>The address of an exported C function; false when the source does not export it.</summary>
    bool TryGetExport(string symbol, out nint address);
}
