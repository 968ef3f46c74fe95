using Spectre.Console;

namespace TfOps.Cli;

/// <summary>The console `tfops parity` and `tfops run` write to.</summary>
internal static class ParityConsole
{
    /// <summary>
    /// A console on <paramref name="writer"/>. Redirected output (CI logs, files) gets no ANSI codes,
    /// no interactivity (so no live progress redraws) and a wide fixed width, so lines never wrap mid-reason.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
