using System.CommandLine;
using Spectre.Console;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// <c>tfops parity [DIR] [--filter PATTERN] [--json FILE]</c>: checks every golden case of
/// DIR/manifest.json (default: the fixtures shipped next to the tool) and ends with
/// <c>N passed, N failed</c>; exit code 0 only when nothing failed.
/// </summary>
internal static class ParityCommand
{
    /// <summary>Where the tool's own fixtures are copied (next to the executable).</summary>
    public static string ShippedFixtures => Path.Combine(AppContext.BaseDirectory, "compat-fixtures");

    public static Command Create()
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Folder holding manifest.json (tfops-golden/1); default: the fixtures shipped with tfops",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var filter = new Option<string?>("--filter")
        {
            Description = "Only cases whose id matches: a substring, or a pattern with * such as 'bfloat16/*' or '*/NCHW/*'",
        };
        var json = new Option<string?>("--json")
        {
            Description = "Also write the per-case results as JSON to FILE",
            HelpName = "FILE",
        };
        var command = new Command("parity", "Check TfOps against golden tensors exported from TensorFlow (or the numpy model)")
        {
            directory, filter, json,
        };
        command.SetAction(parse =>
        {
            var console = ParityConsole.Create(Console.Out, Console.IsOutputRedirected);
            return Execute(console, parse.GetValue(directory) ?? ShippedFixtures, parse.GetValue(filter), parse.GetValue(json),
                showProgress: !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive);
        });
        return command;
    }

    /// <summary>Runs the check and prints the report; the last line is always <c>N passed, N failed</c>.</summary>
    public static int Execute(IAnsiConsole console, string directory, string? filter, string? jsonPath, bool showProgress)
    {
        var report = showProgress ? RunWithProgress(console, directory, filter) : ParityRunner.Run(directory, filter);
        ParityTable.Write(console, report, filter);
        int exit = report.Failed == 0 ? 0 : 1;
        if (jsonPath is not null)
        {
            try
            {
                ParityJson.Write(jsonPath, report);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.WriteLine($"cannot write --json {jsonPath}: {e.Message}");
                exit = 1;
            }
        }

        console.WriteLine(report.Summary);
        return exit;
    }

    private static ParityReport RunWithProgress(IAnsiConsole console, string directory, string? filter)
    {
        ParityReport? report = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("golden cases");
                report = ParityRunner.Run(directory, filter, (done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                });
                task.StopTask();
            });
        return report!;
    }
}
