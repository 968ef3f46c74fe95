using System.CommandLine;

namespace TfOps.Cli;

/// <summary>`tfops parity` (being built).</summary>
internal static class ParityCommand
{
    public static Command Create()
    {
        var command = new Command("parity", "not built yet");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tfops parity: not built yet");
            return 2;
        });
        return command;
    }
}
