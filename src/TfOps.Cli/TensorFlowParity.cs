using Spectre.Console;
using TfOps.Native;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// <c>tfops parity [DIR] --tensorflow [--library PATH] [--plugin]</c>: grades TfOps against TensorFlow's
/// own BiasAddGrad, run in this process, on the inputs of DIR's cases. Same table, failure listing and
/// last line as <c>tfops parity</c>; the header names the library and TF_Version().
/// </summary>
internal static class TensorFlowParity
{
    public static int Execute(IAnsiConsole console, string directory, string? filter, string? jsonPath, string? library, bool withPlugin, bool showProgress)
    {
        TensorFlowSession session;
        try
        {
            session = TensorFlowSession.Open(library, withPlugin);
        }
        catch (TfOpsException e)
        {
            // NotFound names every path and symbol tried on one line; other codes come from TensorFlow or the plugin.
            ParityConsole.Line(console, e.Code == TfCode.NotFound ? OneLine(e.Message) : $"tensorflow: {e.CodeName} {OneLine(e.Message)}");
            console.WriteLine("0 passed, 1 failed");
            return 1;
        }

        using (session)
        {
            long computesBefore = TensorFlowKernelPlugin.ComputeCount;
            ParityReport report = showProgress
                ? ConsoleProgress.Run(console, "cases through TensorFlow", progress => Run(session, directory, filter, progress))
                : Run(session, directory, filter, null);
            ParityTable.Write(console, report, filter);
            if (session.Plugin is not null)
            {
                ParityConsole.Line(console, $"plugin: TensorFlow called TfOps's kernel {TensorFlowKernelPlugin.ComputeCount - computesBefore} times (label '{TensorFlowSession.PluginLabel}')");
            }

            int exit = report.Failed == 0 ? 0 : 1;
            if (jsonPath is not null && !ParityJson.TryWrite(console, jsonPath, report))
            {
                exit = 1;
            }

            console.WriteLine(report.Summary);
            return exit;
        }
    }

    private static ParityReport Run(TensorFlowSession session, string directory, string? filter, Action<int, int>? progress) =>
        LiveParityRunner.Run(directory, filter, session.BuiltIn, session.InsideTensorFlow, session.Description, progress);

    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
