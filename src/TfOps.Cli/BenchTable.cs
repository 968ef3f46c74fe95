using System.Globalization;
using Spectre.Console;

namespace TfOps.Cli;

/// <summary>The console table of `tfops bench`.</summary>
internal static class BenchTable
{
    public static Table Create(IReadOnlyList<BenchResult> results, BenchSettings settings)
    {
        string dtype = TfDataTypes.PythonName(settings.DataType);
        var table = new Table()
            .Title($"{dtype} BiasAddGrad, {Environment.ProcessorCount} cores, median of {settings.Reps} rounds")
            .AddColumn(new TableColumn("shape").NoWrap())
            .AddColumns("MB", "TfOps us", "GB/s", "read us", "GB/s", "TfOps/read", "cores");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Case.Name),
                Invariant(r.Bytes / 1e6, r.Bytes < 100_000 ? "F3" : "F1"),
                Micros(r.TfOps.MedianMs),
                Invariant(r.TfOpsGBps, "F1"),
                Micros(r.Reference.MedianMs),
                Invariant(r.ReferenceGBps, "F1"),
                r.Ratio >= 0.9 ? $"[green]{Invariant(r.Ratio, "F2")}[/]" : $"[yellow]{Invariant(r.Ratio, "F2")}[/]",
                Invariant(r.ParallelProbe, "F1"));
        }

        return table;
    }

    private static string Micros(double ms) => Invariant(ms * 1000, ms * 1000 < 100 ? "F2" : "F0");

    private static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
