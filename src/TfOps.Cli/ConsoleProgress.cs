using Spectre.Console;

namespace TfOps.Cli;

/// <summary>A Spectre.Console progress bar around a long run that reports (done, total).</summary>
internal static class ConsoleProgress
{
    public static T Run<T>(IAnsiConsole console, string description, Func<Action<int, int>, T> work)
    {
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description);
                result = work((done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                });
                task.StopTask();
            });
        return result;
    }
}
