using System.Text;

namespace TfOps.Native.Interop;

/// <summary>
/// Finds the first candidate library that loads and exports every required symbol. Any failure is
/// one NotFound <see cref="TfOpsException"/> naming every candidate and what it lacked, raised at
/// registration rather than as an EntryPointNotFoundException in the middle of a kernel call.
/// </summary>
internal static class KernelApiResolver
{
    /// <summary>Resolves from the production candidates (explicit path, environment, then the defaults).</summary>
    public static KernelApi Resolve(string? explicitPath) =>
        Resolve(LibraryCandidate.For(explicitPath, Environment.GetEnvironmentVariable(LibraryCandidate.EnvironmentVariable)));

    /// <summary>Resolves from the given candidates, in order.</summary>
    public static KernelApi Resolve(IReadOnlyList<LibraryCandidate> candidates)
    {
        KernelApi? api = LibraryProbe.FirstBound<KernelApi>(candidates, KernelApi.TryBind, out var attempts);
        if (api is not null)
        {
            return api;
        }

        var report = new StringBuilder();
        foreach (LibraryProbe.Attempt attempt in attempts)
        {
            report.Append($"\n  '{attempt.Candidate.Name}' ({attempt.Candidate.Origin}): {attempt.Failure}");
        }

        throw NotFound(report.ToString());
    }

    /// <summary>Binds a single source (the test seam uses it with a fake C API); NotFound when a required symbol is absent.</summary>
    public static KernelApi Bind(ISymbolSource source)
    {
        KernelApi? api = KernelApi.TryBind(source, out IReadOnlyList<string> missing);
        return api ?? throw NotFound($"\n  '{source.Name}': does not export {string.Join(", ", missing)}");
    }

    private static TfOpsException NotFound(string tried) =>
        new(TfCode.NotFound,
            "TensorFlow's C kernel API was not found. Tried, in order:" + tried +
            "\nRequired symbols: " + string.Join(", ", KernelApi.RequiredSymbols) +
            $"\nSet {LibraryCandidate.EnvironmentVariable} or TensorFlowKernelOptions.LibraryPath to the TensorFlow library " +
            "(libtensorflow_framework.so.2 or libtensorflow.so on Linux, tensorflow.dll on Windows).");
}
