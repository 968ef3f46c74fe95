using System.Diagnostics;
using System.Text.Json;
using TfOps.Cli;

namespace TfOps.Parity.Tests;

[TestFixture]
public class ParityCommandTests
{
    private static (int Exit, string[] Lines) Execute(string dir, string? filter = null, string? json = null)
    {
        var writer = new StringWriter();
        int exit = ParityCommand.Execute(ParityConsole.Create(writer, redirected: true), dir, filter, json, showProgress: false);
        return (exit, writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
    }

    private static int ShippedCaseCount(Func<string, bool>? where = null) =>
        ManifestLoader.Load(Fixtures.Shipped).Entries.Count(e => where?.Invoke(e.Id) ?? true);

    [Test]
    public void ShippedFixturesPass()
    {
        var (exit, lines) = Execute(Fixtures.Shipped);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(lines[^1], Is.EqualTo($"{ShippedCaseCount()} passed, 0 failed"));
            Assert.That(lines, Has.Some.Contains("bfloat16").And.Some.Contains("NCHW").And.Some.Contains("qint32"));
            Assert.That(string.Join("\n", lines), Does.Not.Contain("\u001b"), "redirected output carries no ANSI codes");
        });
    }

    [Test]
    public void FilterSelectsCases()
    {
        var (exit, lines) = Execute(Fixtures.Shipped, "qint8/*");
        Assert.That(exit, Is.Zero);
        Assert.That(lines[^1], Is.EqualTo($"{ShippedCaseCount(id => id.StartsWith("qint8/", StringComparison.Ordinal))} passed, 0 failed"));
    }

    [Test]
    public void MissingManifestPrintsTheReasonAndOneFailure()
    {
        var (exit, lines) = Execute(Path.Combine(Fixtures.TempDir(), "nothing-here"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(lines, Has.Some.StartsWith("manifest: no manifest at"));
            Assert.That(lines[^1], Is.EqualTo("0 passed, 1 failed"));
        });
    }

    [Test]
    public void FailedCasesAreListedWithReasonsAndJson()
    {
        string dir = new FixtureBuilder().Copy("int32/NHWC/3x2").Copy("int8/NCHW/3x2", (c, _) => c["input"] = "cases/missing.npy").Write();
        string json = Path.Combine(Fixtures.TempDir(), "report.json");
        var (exit, lines) = Execute(dir, json: json);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(lines, Has.Some.StartsWith("FAILED int8/NCHW/3x2: input: missing file"));
            Assert.That(lines[^1], Is.EqualTo("1 passed, 1 failed"));
        });
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Multiple(() =>
        {
            Assert.That(report.RootElement.GetProperty("passed").GetInt32(), Is.EqualTo(1));
            Assert.That(report.RootElement.GetProperty("failed").GetInt32(), Is.EqualTo(1));
            var cases = report.RootElement.GetProperty("cases");
            Assert.That(cases.GetArrayLength(), Is.EqualTo(2));
            Assert.That(cases[1].GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(cases[1].GetProperty("reason").GetString(), Does.Contain("missing file"));
        });
    }

    [Test]
    public void TheToolRunsWithNoArgumentAndRedirectedOutput()
    {
        // The built tool, as a user runs it: fixtures next to the executable, stdout redirected (CI).
        string tool = typeof(ParityCommand).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        start.ArgumentList.Add("parity");
        start.ArgumentList.Add("--filter");
        start.ArgumentList.Add("*/NCHW/*");
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(120_000), Is.True);
        var lines = output.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.Zero, output + error);
            Assert.That(lines[^1], Is.EqualTo($"{ShippedCaseCount(id => id.Contains("/NCHW/", StringComparison.Ordinal))} passed, 0 failed"));
            Assert.That(output, Does.Not.Contain("\u001b"));
        });
    }
}
