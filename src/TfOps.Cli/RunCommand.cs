using System.CommandLine;

namespace TfOps.Cli;

/// <summary>`tfops run` (being built).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tfops run: not built yet");
            return 2;
        });
        return command;
    }
}
