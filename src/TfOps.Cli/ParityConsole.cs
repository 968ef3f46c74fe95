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

    /// <summary>
    /// Writes <paramref name="text"/> as one line, straight to the console's writer: Spectre.Console
    /// would wrap it at the profile's width, and a failure reason or a NotFound listing every library
    /// and symbol tried must stay on one line for logs and greps.
    /// </summary>
    public static void Line(IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);
}
