namespace TfOps.Native.Interop;

/// <summary>
/// Looks symbols up in one source and remembers the required ones it could not find, so that a
/// missing function is reported once, at registration, with every name that was absent.
/// </summary>
internal sealed class SymbolBinder(ISymbolSource source)
{
    private readonly List<string> _missing = [];

    /// <summary>Required symbols the source did not export, in lookup order.</summary>
    public IReadOnlyList<string> Missing => _missing;

    /// <summary>The symbol's address, or 0 (and recorded as missing) when absent.</summary>
    public nint Required(string symbol)
    {
        nint address = Optional(symbol);
        if (address == 0)
        {
            _missing.Add(symbol);
        }

        return address;
    }

    /// <summary>The symbol's address, or 0 when absent (callers check before use).</summary>
    public nint Optional(string symbol) => source.TryGetExport(symbol, out nint address) ? address : 0;

    /// <summary>
    /// The required symbols of a binding, in lookup order: what <paramref name="missingFrom"/> reports
    /// missing from a source that exports nothing (derived from the binding itself, so it cannot drift).
    /// </summary>
    public static IReadOnlyList<string> RequiredBy(Func<ISymbolSource, IReadOnlyList<string>> missingFrom) => missingFrom(NoSymbols.Instance);

    private sealed class NoSymbols : ISymbolSource
    {
        public static readonly NoSymbols Instance = new();

        public string Name => "(none)";

        public bool TryGetExport(string symbol, out nint address)
        {
            address = 0;
            return false;
        }
    }
}
