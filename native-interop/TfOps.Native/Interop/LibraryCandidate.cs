namespace TfOps.Native.Interop;

/// <summary>One place the C kernel API may be found, and why it is on the list.</summary>
/// <param name="Name">A path or a library name.</param>
/// <param name="Origin">Where the candidate came from, for the NotFound message.</param>
/// <param name="ProbeLikeDllImport">Search like <c>[DllImport]</c> instead of a plain OS load.</param>
internal readonly record struct LibraryCandidate(string Name, string Origin, bool ProbeLikeDllImport)
{
    /// <summary>The environment variable that names the library when no explicit path is given.</summary>
    public const string EnvironmentVariable = "TFOPS_TENSORFLOW_LIBRARY";

    /// <summary>
    /// The candidates in the order they are tried: the caller's path, the environment variable, the
    /// library TensorFlow.NET binds (<c>tensorflow</c>), then the framework library that holds the
    /// kernel API on Linux (<c>libtensorflow.so</c> re-exports it through its dependency).
    /// </summary>
    public static IReadOnlyList<LibraryCandidate> For(string? explicitPath, string? environmentValue)
    {
        var candidates = new List<LibraryCandidate>(4);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            candidates.Add(new(explicitPath, "LibraryPath option", ProbeLikeDllImport: false));
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            candidates.Add(new(environmentValue, EnvironmentVariable, ProbeLikeDllImport: false));
        }

        candidates.Add(new("tensorflow", "TensorFlow.NET's library name", ProbeLikeDllImport: true));
        candidates.Add(new("libtensorflow_framework.so.2", "TensorFlow's framework library", ProbeLikeDllImport: false));
        return candidates;
    }

    /// <summary>
    /// The candidates for the eager C API, in the order they are tried: the caller's path, the
    /// environment variable, then the library TensorFlow.NET binds (<c>tensorflow</c>, found the way
    /// its <c>[DllImport]</c> finds it). The framework library is not a candidate: the eager API lives
    /// in libtensorflow itself.
    /// </summary>
    public static IReadOnlyList<LibraryCandidate> ForEager(string? explicitPath, string? environmentValue)
    {
        var candidates = new List<LibraryCandidate>(3);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            candidates.Add(new(explicitPath, "explicit path", ProbeLikeDllImport: false));
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            candidates.Add(new(environmentValue, EnvironmentVariable, ProbeLikeDllImport: false));
        }

        candidates.Add(new("tensorflow", "TensorFlow.NET's library name", ProbeLikeDllImport: true));
        return candidates;
    }
}
