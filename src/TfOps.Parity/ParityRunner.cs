namespace TfOps.Parity;

/// <summary>Checks every case of a fixture folder's manifest against TfOps.</summary>
public static class ParityRunner
{
    /// <summary>
    /// Grades the cases of <paramref name="directory"/>/manifest.json whose id matches
    /// <paramref name="filter"/> (see <see cref="CaseFilter"/>). <paramref name="progress"/> hears
    /// (graded so far, total) after each case. Never throws for bad fixtures.
    /// </summary>
    public static ParityReport Run(string directory, string? filter = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        GoldenManifest manifest;
        try
        {
            manifest = ManifestLoader.Load(directory);
        }
        catch (ManifestException e)
        {
            return new ParityReport(directory, null, e.Message, []);
        }
#pragma warning disable CA1031 // whatever a broken manifest does to a parser, the run reports it instead of crashing
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ParityReport(directory, null, $"unexpected {e.GetType().Name} while reading the manifest: {e.Message}", []);
        }

        var selected = manifest.Entries.Where(e => CaseFilter.Matches(e.Id, filter)).ToList();
        var results = new List<CaseResult>(selected.Count);
        foreach (var entry in selected)
        {
            results.Add(CaseGrader.Grade(manifest, entry));
            progress?.Invoke(results.Count, selected.Count);
        }

        return new ParityReport(manifest.Directory, $"{manifest.ProducerBackend} {manifest.ProducerVersion}", null, results);
    }
}
