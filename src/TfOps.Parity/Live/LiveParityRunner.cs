namespace TfOps.Parity;

/// <summary>Runs every case of a fixture folder through TensorFlow and TfOps (<c>tfops parity --tensorflow</c>).</summary>
public static class LiveParityRunner
{
    /// <summary>
    /// Grades the cases of <paramref name="directory"/>/manifest.json whose id matches
    /// <paramref name="filter"/> with <see cref="LiveCaseGrader"/>. <paramref name="progress"/> hears
    /// (graded so far, total) after each case. Never throws for bad fixtures.
    /// </summary>
    public static ParityReport Run(string directory, string? filter, IReferenceKernel tensorflow, IReferenceKernel? plugin,
        LiveReference reference, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(reference);
        GoldenManifest manifest;
        try
        {
            manifest = ManifestLoader.Load(directory);
        }
        catch (ManifestException e)
        {
            return new ParityReport(directory, null, e.Message, []) { Reference = reference };
        }
#pragma warning disable CA1031 // whatever a broken manifest does to a parser, the run reports it instead of crashing
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ParityReport(directory, null, $"unexpected {e.GetType().Name} while reading the manifest: {e.Message}", []) { Reference = reference };
        }

        var selected = manifest.Entries.Where(e => CaseFilter.Matches(e.Id, filter)).ToList();
        var results = new List<CaseResult>(selected.Count);
        foreach (GoldenEntry entry in selected)
        {
            results.Add(LiveCaseGrader.Grade(manifest, entry, tensorflow, plugin, reference.Version));
            progress?.Invoke(results.Count, selected.Count);
        }

        return new ParityReport(manifest.Directory, $"{manifest.ProducerBackend} {manifest.ProducerVersion}", null, results) { Reference = reference };
    }
}
