using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>Writes a parity report as JSON (<c>--json FILE</c>): totals and one object per case.</summary>
internal static class ParityJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(string path, ParityReport report)
    {
        var document = new
        {
            report.Directory,
            report.Producer,
            Tensorflow = report.Reference is { } reference
                ? new { Library = reference.LibraryPath, reference.Version, Plugin = reference.WithPlugin }
                : null,
            report.ManifestProblem,
            report.Passed,
            report.Failed,
            Cases = report.Results.Select(r => new
            {
                r.Id, r.Dtype, r.DataFormat, r.Shape, Status = r.Passed ? "passed" : "failed", r.Reason,
                r.Expectation, r.MaxAbsError, r.WorstRatio, r.Note,
                Plugin = r.Plugin is { } plugin
                    ? new { Status = plugin.Passed ? "passed" : "failed", plugin.Reason, plugin.MaxAbsError, plugin.WorstRatio }
                    : null,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
    }

    /// <summary>Writes the report; false (after saying why on <paramref name="console"/>) when the file cannot be written.</summary>
    public static bool TryWrite(IAnsiConsole console, string path, ParityReport report)
    {
        try
        {
            Write(path, report);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.WriteLine($"cannot write --json {path}: {e.Message}");
            return false;
        }
    }
}
