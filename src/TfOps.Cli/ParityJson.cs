using System.Text.Json;
using System.Text.Json.Serialization;
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
            report.ManifestProblem,
            report.Passed,
            report.Failed,
            Cases = report.Results.Select(r => new
            {
                r.Id, r.Dtype, r.DataFormat, r.Shape, Status = r.Passed ? "passed" : "failed", r.Reason,
                r.Expectation, r.MaxAbsError, r.WorstRatio, r.Note,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
    }
}
