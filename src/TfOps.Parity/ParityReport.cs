namespace TfOps.Parity;

/// <summary>Everything one parity run found.</summary>
/// <param name="Directory">The fixture folder.</param>
/// <param name="Producer">"backend version" from the manifest, or null when it could not be read.</param>
/// <param name="ManifestProblem">Why the manifest is unusable (then it counts as one failed case), or null.</param>
/// <param name="Results">One result per graded case, in manifest order.</param>
public sealed record ParityReport(string Directory, string? Producer, string? ManifestProblem, IReadOnlyList<CaseResult> Results)
{
    /// <summary>The TensorFlow the cases were graded against (<c>tfops parity --tensorflow</c>); null when graded against the manifest.</summary>
    public LiveReference? Reference { get; init; }

    /// <summary>Cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Cases that failed, plus one for an unusable manifest.</summary>
    public int Failed => Results.Count(r => !r.Passed) + (ManifestProblem is null ? 0 : 1);

    /// <summary>The contract's last line: <c>N passed, N failed</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
