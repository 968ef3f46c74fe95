using System.CommandLine;
using Spectre.Console;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// <c>tfops parity [DIR] [--filter PATTERN] [--json FILE]</c>: checks every golden case of
/// DIR/manifest.json (default: the fixtures shipped next to the tool) and ends with
/// <c>N passed, N failed</c>; exit code 0 only when nothing failed. With <c>--tensorflow</c>
/// (<see cref="TensorFlowParity"/>) the cases' inputs are graded against TensorFlow itself.
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
        var tensorflow = new Option<bool>("--tensorflow")
        {
            Description = "Grade TfOps against TensorFlow's own BiasAddGrad, run in this process through libtensorflow's eager C API, on DIR's inputs",
        };
        var library = new Option<string?>("--library")
        {
            Description = "With --tensorflow: the TensorFlow library (default: $TFOPS_TENSORFLOW_LIBRARY, then 'tensorflow', the library TensorFlow.NET loads)",
            HelpName = "PATH",
        };
        var plugin = new Option<bool>("--plugin")
        {
            Description = "With --tensorflow: also run every case through TfOps's kernel plugin inside that TensorFlow (label 'tfops', selected with the _kernel attr)",
        };
        var command = new Command("parity", "Check TfOps against golden tensors exported from TensorFlow (or the numpy model), or against TensorFlow itself")
        {
            directory, filter, json, tensorflow, library, plugin,
        };
        command.SetAction(parse =>
        {
            var console = ParityConsole.Create(Console.Out, Console.IsOutputRedirected);
            bool showProgress = !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive;
            string dir = parse.GetValue(directory) ?? ShippedFixtures;
            if (parse.GetValue(tensorflow))
            {
                return TensorFlowParity.Execute(console, dir, parse.GetValue(filter), parse.GetValue(json), parse.GetValue(library), parse.GetValue(plugin), showProgress);
            }

            if (parse.GetValue(library) is not null || parse.GetValue(plugin))
            {
                console.WriteLine("--library and --plugin apply to runs against TensorFlow: add --tensorflow");
                console.WriteLine("0 passed, 1 failed");
                return 1;
            }

            return Execute(console, dir, parse.GetValue(filter), parse.GetValue(json), showProgress);
        });
        return command;
    }

    /// <summary>Runs the check and prints the report; the last line is always <c>N passed, N failed</c>.</summary>
    public static int Execute(IAnsiConsole console, string directory, string? filter, string? jsonPath, bool showProgress)
    {
        var report = showProgress
            ? ConsoleProgress.Run(console, "golden cases", progress => ParityRunner.Run(directory, filter, progress))
            : ParityRunner.Run(directory, filter);
        ParityTable.Write(console, report, filter);
        int exit = report.Failed == 0 ? 0 : 1;
        if (jsonPath is not null && !ParityJson.TryWrite(console, jsonPath, report))
        {
            exit = 1;
        }

        console.WriteLine(report.Summary);
        return exit;
    }
}
