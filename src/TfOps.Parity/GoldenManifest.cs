namespace TfOps.Parity;

/// <summary>A loaded manifest: its folder, producer and cases (each usable, or failed with a reason).</summary>
public sealed record GoldenManifest(string Directory, string Format, string ProducerBackend, string ProducerVersion, IReadOnlyList<GoldenEntry> Entries)
{
    /// <summary>Resolves a path from the manifest (relative to its folder).</summary>
    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Directory, relative));
}

/// <summary>One element of the manifest's <c>cases</c>: the case, or why it cannot be graded.</summary>
/// <param name="Index">Position in <c>cases</c>.</param>
/// <param name="Id">The case's id, or <c>cases[i]</c>.</param>
/// <param name="Case">The case, when it is usable.</param>
/// <param name="Problem">Why it is not, or null.</param>
/// <param name="Dtype">Its dtype as written ("?" when absent), for reports.</param>
/// <param name="DataFormat">Its data_format as written ("?" when absent), for reports.</param>
public sealed record GoldenEntry(int Index, string Id, GoldenCase? Case, string? Problem, string Dtype = "?", string DataFormat = "?");

/// <summary>A manifest that cannot be used at all (missing, not JSON, wrong format).</summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ManifestException() : base("unusable manifest") { }

    /// <summary>Creates the exception with a reason.</summary>
    public ManifestException(string message) : base(message) { }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public ManifestException(string message, Exception? innerException) : base(message, innerException) { }
}
