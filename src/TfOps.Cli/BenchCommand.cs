using System.CommandLine;

namespace TfOps.Cli;

/// <summary>`tfops bench` (being built).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tfops bench: not built yet");
            return 2;
        });
        return command;
    }
}
