namespace TfOps.Native.Interop;

/// <summary>
/// Tries candidate libraries in order and keeps the first one that exports every symbol a binding
/// requires. Shared by the kernel API and the eager API, which differ only in the table they bind
/// and in how they word the NotFound that lists the attempts.
/// </summary>
internal static class LibraryProbe
{
    /// <summary>One candidate that was rejected, and why.</summary>
    public readonly record struct Attempt(LibraryCandidate Candidate, string Failure);

    /// <summary>
    /// The first table <paramref name="tryBind"/> builds from a candidate (that library stays loaded for
    /// the rest of the process), or null; <paramref name="attempts"/> says why each earlier candidate failed.
    /// </summary>
    public static TApi? FirstBound<TApi>(IReadOnlyList<LibraryCandidate> candidates, TryBind<TApi> tryBind, out List<Attempt> attempts)
        where TApi : class
    {
        attempts = [];
        foreach (LibraryCandidate candidate in candidates)
        {
            NativeLibrarySource? library = NativeLibrarySource.TryOpen(candidate.Name, candidate.ProbeLikeDllImport, out string? failure);
            if (library is null)
            {
                attempts.Add(new(candidate, $"could not be loaded: {failure}"));
                continue;
            }

            TApi? api = tryBind(library, out IReadOnlyList<string> missing);
            if (api is not null)
            {
                // TensorFlow cannot be unloaded safely (its threads and static state outlive any
                // context), and the kernel plugin keeps pointers into it: it stays mapped.
                library.KeepLoaded();
                return api;
            }

            library.Dispose();
            attempts.Add(new(candidate, $"loaded, but does not export {string.Join(", ", missing)}"));
        }

        return null;
    }

    /// <summary>Binds a table from one source; null with the required symbols it lacks.</summary>
    public delegate TApi? TryBind<TApi>(ISymbolSource source, out IReadOnlyList<string> missing);
}
