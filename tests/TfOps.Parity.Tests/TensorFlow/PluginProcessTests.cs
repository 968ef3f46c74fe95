using System.Diagnostics;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// <c>tfops parity --tensorflow --plugin</c>, run as a child process (a kernel registration lasts for
/// the process, as TensorFlow's do): TensorFlow's executor runs TfOps's managed kernel for every case
/// that reaches a kernel, the three-way report passes, and the fake's exit report shows nothing left
/// alive in TensorFlow.
/// </summary>
[NonParallelizable]
public class PluginProcessTests
{
    [SetUp]
    public void RequireCompiler() => FakeTensorFlows.RequireCompiler();

    [Test]
    public void The_plugin_runs_inside_TensorFlows_executor_for_every_case_that_reaches_a_kernel()
    {
        string report = Path.Combine(Fixtures.TempDir(), "fake-report.txt");
        var (exit, output) = RunTool(report, "parity", "--tensorflow", "--library", FakeTensorFlows.Complete, "--plugin");
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        // A case reaches a kernel once attr validation passes: an op dtype and NHWC or NCHW (rank errors come from the kernel).
        int reaching = FakeTensorFlows.ShippedIds(c => FakeTensorFlows.Text(c, "dtype") != "bool"
            && FakeTensorFlows.Text(c, "data_format") is "NHWC" or "NCHW").Count;
        int total = FakeTensorFlows.ShippedIds(_ => true).Count;
        var counters = File.ReadAllLines(report).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(lines[^1], Is.EqualTo($"{total} passed, 0 failed"));
            Assert.That(lines, Has.Some.Contains("vs TfOps plugin inside TensorFlow (label 'tfops')"));
            Assert.That(lines, Does.Contain($"plugin: TensorFlow called TfOps's kernel {reaching} times (label 'tfops')"));
            Assert.That(counters["plugin_computes"], Is.EqualTo(reaching.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the fake's executor count");
            foreach (string kind in (string[])["contexts", "context_options", "ops", "handles", "tensors", "buffers", "statuses", "misuse"])
            {
                Assert.That(counters[kind], Is.EqualTo("0"), $"{kind} at exit");
            }
        });
    }

    [Test]
    public void A_wrong_TensorFlow_fails_its_cases_while_the_plugin_still_matches_the_managed_kernel()
    {
        string report = Path.Combine(Fixtures.TempDir(), "fake-report.txt");
        var (exit, output) = RunTool(report, "parity", "--tensorflow", "--library", FakeTensorFlows.Variant("WRONG_RANK_TEXT"), "--plugin", "--filter", "float32/*");
        var failed = output.Split('\n').Where(l => l.StartsWith("FAILED ", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(failed, Has.Count.EqualTo(4));
            // TfOps and its plugin agree with each other, and both disagree with this TensorFlow's text.
            Assert.That(failed, Has.All.Contain("TfOps with INVALID_ARGUMENT \"Input tensor must be at least 2D:")
                .And.All.Contain("plugin inside TensorFlow: TensorFlow failed with"));
        });
    }

    private static (int Exit, string Output) RunTool(string reportFile, params string[] args)
    {
        string tool = typeof(TfOps.Cli.ParityCommand).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TFOPS_FAKE_TF_REPORT"] = reportFile;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(300_000), Is.True, "the tool finished");
        return (process.ExitCode, output + stderr.Result);
    }
}
