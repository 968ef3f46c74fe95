using System.Globalization;
using Spectre.Console;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>Prints a parity report: one row per dtype and data_format, then every failure with its reason, then the notes.</summary>
internal static class ParityTable
{
    private const int MaxNotes = 8;

    public static void Write(IAnsiConsole console, ParityReport report, string? filter)
    {
        console.WriteLine($"tfops parity: {report.Directory}");
        if (report.Reference is { } reference)
        {
            ParityConsole.Line(console, $"TensorFlow {reference.Version} from {reference.LibraryPath}");
            ParityConsole.Line(console, "kernels: TensorFlow's built-in (the reference) vs TfOps managed" +
                (reference.WithPlugin ? $" vs TfOps plugin inside TensorFlow (label '{TensorFlowSession.PluginLabel}')" : ""));
        }

        if (report.ManifestProblem is not null)
        {
            console.WriteLine($"manifest: {report.ManifestProblem}");
            return;
        }

        console.WriteLine($"producer: {report.Producer}; {report.Results.Count} cases{(string.IsNullOrEmpty(filter) ? "" : $" matching '{filter}'")}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("dtype").AddColumn("format")
            .AddColumn(new TableColumn("cases").RightAligned()).AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("max |error|").RightAligned()).AddColumn(new TableColumn("worst error/tolerance").RightAligned())
            .AddColumn("status");
        bool plugin = report.Reference?.WithPlugin == true;
        if (plugin)
        {
            table.AddColumn(new TableColumn("plugin failed").RightAligned()).AddColumn(new TableColumn("plugin worst").RightAligned());
        }

        foreach (var group in report.Results.GroupBy(r => (r.Dtype, r.DataFormat)))
        {
            int failed = group.Count(r => !r.Passed);
            var cells = new List<Spectre.Console.Rendering.IRenderable>
            {
                new Text(group.Key.Dtype), new Text(group.Key.DataFormat),
                new Text(group.Count().ToString(CultureInfo.InvariantCulture)), new Text(failed.ToString(CultureInfo.InvariantCulture)),
                new Text(Number(group.Max(r => r.MaxAbsError))), new Text(Ratio(group.Max(r => r.WorstRatio))),
                failed == 0 ? new Markup("[green]pass[/]") : new Markup("[red]FAIL[/]"),
            };
            if (plugin)
            {
                cells.Add(new Text(group.Count(r => r.Plugin is { Passed: false }).ToString(CultureInfo.InvariantCulture)));
                cells.Add(new Text(Ratio(group.Max(r => r.Plugin?.WorstRatio))));
            }

            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var failure in report.Results.Where(r => !r.Passed))
        {
            ParityConsole.Line(console, $"FAILED {failure.Id}: {failure.Reason}");
        }

        var notes = report.Results.Where(r => r.Note is not null).GroupBy(r => r.Note!).ToList();
        foreach (var note in notes.Take(MaxNotes))
        {
            var dtypes = string.Join(", ", note.Select(r => r.Dtype).Distinct());
            ParityConsole.Line(console, $"note ({dtypes}): {note.Key}");
        }

        if (notes.Count > MaxNotes)
        {
            console.WriteLine($"... {notes.Count - MaxNotes} more notes (--json FILE lists every case's note)");
        }
    }

    // Worst error over allowed error: <= 1 passes; "exact" when every element matched; "-" when nothing could be compared.
    private static string Ratio(double? ratio) => ratio switch
    {
        null => "-",
        0 => "exact",
        double.PositiveInfinity => "inf",
        _ => ratio.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Number(double? value) => value switch
    {
        null => "-",
        0 => "0",
        _ => value.Value.ToString("G3", CultureInfo.InvariantCulture),
    };
}
