namespace TfOps.Native.Interop;

/// <summary>
/// Finds the library whose eager C API the reference runs: the explicit path, then
/// <c>TFOPS_TENSORFLOW_LIBRARY</c>, then <c>tensorflow</c>. The first candidate exporting every
/// required symbol wins; otherwise one NotFound <see cref="TfOpsException"/> whose message is a
/// single line naming every candidate, why it failed, and every required symbol.
/// </summary>
internal static class EagerApiResolver
{
    /// <summary>Resolves from the production candidates.</summary>
    public static EagerApi Resolve(string? explicitPath) =>
        Resolve(LibraryCandidate.ForEager(explicitPath, Environment.GetEnvironmentVariable(LibraryCandidate.EnvironmentVariable)));

    /// <summary>Resolves from the given candidates, in order.</summary>
    public static EagerApi Resolve(IReadOnlyList<LibraryCandidate> candidates)
    {
        EagerApi? api = LibraryProbe.FirstBound<EagerApi>(candidates, EagerApi.TryBind, out var attempts);
        if (api is not null)
        {
            return api;
        }

        string tried = string.Join("; ", attempts.Select(a => $"'{a.Candidate.Name}' ({a.Candidate.Origin}) {OneLine(a.Failure)}"));
        throw new TfOpsException(TfCode.NotFound,
            $"TensorFlow's eager C API was not found. Tried: {tried}. Required symbols: {string.Join(", ", EagerApi.RequiredSymbols)}. " +
            $"Pass the TensorFlow library's path (libtensorflow.so, libtensorflow.so.2, tensorflow.dll) or set {LibraryCandidate.EnvironmentVariable}.");
    }

    // The loader's reasons can span lines (one per probed path); the NotFound must stay one line.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
