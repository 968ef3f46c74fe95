using System.CommandLine;
using Spectre.Console;
using TfOps.Native;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// <c>tfops export [DIR] --tensorflow [--library PATH] --out OUT</c>: writes <c>tfops-golden/1</c>
/// fixtures from TensorFlow itself, run in this process through libtensorflow's eager C API: DIR's
/// inputs, TensorFlow's outputs and statuses (<see cref="GoldenExporter"/>). The result passes
/// <c>tfops parity OUT</c> and the schema when TfOps matches that TensorFlow.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Folder holding the manifest.json whose inputs are exported; default: the fixtures shipped with tfops",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var tensorflow = new Option<bool>("--tensorflow")
        {
            Description = "Compute the expectations with TensorFlow's own BiasAddGrad through libtensorflow's eager C API (required: the only backend)",
        };
        var library = new Option<string?>("--library")
        {
            Description = "The TensorFlow library (default: $TFOPS_TENSORFLOW_LIBRARY, then 'tensorflow', the library TensorFlow.NET loads)",
            HelpName = "PATH",
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder: manifest.json is written there and its cases/ folder replaced",
            HelpName = "OUT",
            Required = true,
        };
        var command = new Command("export", "Write golden fixtures (tfops-golden/1) from your own TensorFlow, without Python")
        {
            directory, tensorflow, library, output,
        };
        command.SetAction(parse =>
        {
            var console = ParityConsole.Create(Console.Out, Console.IsOutputRedirected);
            return Execute(console, parse.GetValue(directory) ?? ParityCommand.ShippedFixtures, parse.GetValue(output)!, parse.GetValue(tensorflow),
                parse.GetValue(library), showProgress: !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive);
        });
        return command;
    }

    public static int Execute(IAnsiConsole console, string directory, string outDirectory, bool tensorflow, string? library, bool showProgress)
    {
        if (!tensorflow)
        {
            ParityConsole.Line(console, "tfops export needs --tensorflow: TensorFlow itself is the only backend it exports from (the numpy model is compat-fixtures/export_golden.py)");
            return 1;
        }

        TensorFlowSession session;
        try
        {
            session = TensorFlowSession.Open(library, withPlugin: false);
        }
        catch (TfOpsException e)
        {
            ParityConsole.Line(console, e.Code == TfCode.NotFound ? TensorFlowParity.OneLine(e.Message) : $"tensorflow: {e.CodeName} {TensorFlowParity.OneLine(e.Message)}");
            return 1;
        }

        using (session)
        {
            TensorFlowReference reference = session.Reference;
            ParityConsole.Line(console, $"tfops export: {Path.GetFullPath(directory)} -> {Path.GetFullPath(outDirectory)}");
            ParityConsole.Line(console, $"TensorFlow {reference.Version} from {reference.LibraryPath}");
            ExportReport report = showProgress
                ? ConsoleProgress.Run(console, "cases through TensorFlow", progress => GoldenExporter.Export(directory, outDirectory, session.BuiltIn, reference.Version, progress))
                : GoldenExporter.Export(directory, outDirectory, session.BuiltIn, reference.Version);
            if (report.ManifestProblem is not null)
            {
                ParityConsole.Line(console, $"manifest: {report.ManifestProblem}");
                return 1;
            }

            foreach (string skipped in report.Skipped)
            {
                ParityConsole.Line(console, $"SKIPPED {skipped}");
            }

            // The written manifest must load (schema included) exactly as `tfops parity OUT` will load it.
            string? problem = null;
            try
            {
                ManifestLoader.Load(report.OutDirectory);
            }
            catch (ManifestException e)
            {
                problem = e.Message;
                ParityConsole.Line(console, $"the written manifest does not load: {problem}");
            }

            ParityConsole.Line(console, $"{report.Written} cases written to {report.OutDirectory} ({GoldenExporter.Backend} {reference.Version}): " +
                $"{report.Values} TensorFlow outputs, {report.Errors} TensorFlow errors, {report.Kept} kept from the source (no TensorFlow kernel)");
            return report.Complete && problem is null ? 0 : 1;
        }
    }
}
