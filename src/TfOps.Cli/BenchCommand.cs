using System.CommandLine;
using Spectre.Console;

namespace TfOps.Cli;

/// <summary>
/// `tfops bench`: float32 BiasAddGrad throughput on the shapes against a memory-read
/// reference (TensorPrimitives.Sum over the same buffer on all cores), as a table, optionally as a
/// PNG plot of throughput against tensor size.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var shapes = new Option<string>("--shapes")
        {
            Description = "small (the shapes under 30 MB) or all",
            DefaultValueFactory = _ => "all",
        };
        shapes.AcceptOnlyFromAmong("small", "all");
        var reps = new Option<int>("--reps")
        {
            Description = "timed rounds per shape (the median is reported)",
            DefaultValueFactory = _ => 9,
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "cap TfOps's threads (default: KernelOptions.DefaultMaxThreads, TFOPS_NUM_THREADS)",
        };
        var png = new Option<FileInfo?>("--png")
        {
            Description = "also write a throughput-vs-size plot to this PNG file",
        };

        var command = new Command("bench", "Measure float32 BiasAddGrad throughput against a memory-read reference on this machine.")
        {
            shapes, reps, threads, png,
        };
        command.SetAction(parse =>
        {
            var settings = new BenchSettings(
                parse.GetValue(shapes) == "small",
                Math.Max(3, parse.GetValue(reps)),
                parse.GetValue(threads));
            return Run(settings, parse.GetValue(png));
        });
        return command;
    }

    private static int Run(BenchSettings settings, FileInfo? png)
    {
        var cases = BenchCase.All.Where(c => !settings.SmallOnly || c.Bytes < 30_000_000).ToList();
        var results = new List<BenchResult>();
        BenchRunner.WarmUp();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("measuring", maxValue: cases.Count);
                foreach (var benchCase in cases)
                {
                    task.Description = Markup.Escape(benchCase.Name);
                    results.Add(BenchRunner.Measure(benchCase, settings));
                    task.Increment(1);
                }
            });

        var table = new Table().Title($"float32 BiasAddGrad, {Environment.ProcessorCount} cores, median of {settings.Reps}")
            .AddColumn(new TableColumn("shape").NoWrap())
            .AddColumns("MB", "TfOps us", "TfOps GB/s", "read ref us", "read ref GB/s", "TfOps / read ref");
        foreach (var r in results)
        {
            double ratio = r.ReferenceMs / r.TfOpsMs;
            table.AddRow(
                Markup.Escape(r.Case.Name),
                (r.Case.Bytes / 1e6).ToString("F1"),
                Micros(r.TfOpsMs),
                r.TfOpsGBps.ToString("F1"),
                Micros(r.ReferenceMs),
                r.ReferenceGBps.ToString("F1"),
                ratio >= 0.9 ? $"[green]{ratio:F2}[/]" : $"[yellow]{ratio:F2}[/]");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]read ref = TensorPrimitives.Sum over the same buffer split across all cores; a ratio above 1 is faster than reading it. Small shapes are dominated by call overhead.[/]");
        if (png is not null)
        {
            BenchPlot.Write(png.FullName, results);
            AnsiConsole.MarkupLine($"wrote [blue]{Markup.Escape(png.FullName)}[/]");
        }

        return 0;
    }

    private static string Micros(double ms) => ms * 1000 < 100 ? (ms * 1000).ToString("F2") : (ms * 1000).ToString("F0");
}
