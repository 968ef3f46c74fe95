using System.Text.Json;
using TfOps.Cli;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// <c>tfops parity --tensorflow</c> against the native fake of libtensorflow: green for every dtype
/// and format, every documented defect of a wrong TensorFlow caught case by case, the one-line
/// NotFound for a missing library or symbol, and nothing left alive in TensorFlow afterwards.
/// </summary>
[NonParallelizable]
public class TensorFlowParityCommandTests
{
    [SetUp]
    public void RequireCompiler() => FakeTensorFlows.RequireCompiler();

    private static (int Exit, string[] Lines) Execute(string library, string? filter = null, string? json = null, string? dir = null)
    {
        var writer = new StringWriter();
        int exit = TensorFlowParity.Execute(ParityConsole.Create(writer, redirected: true), dir ?? Fixtures.Shipped, filter, json, library,
            withPlugin: false, showProgress: false);
        return (exit, writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray());
    }

    private static HashSet<string> FailedIds(string[] lines) =>
        [.. lines.Where(l => l.StartsWith("FAILED ", StringComparison.Ordinal)).Select(l => l["FAILED ".Length..l.IndexOf(": ", StringComparison.Ordinal)])];

    [Test]
    public void Every_case_of_every_dtype_and_format_passes_against_the_fake()
    {
        string json = Path.Combine(Fixtures.TempDir(), "report.json");
        int total = FakeTensorFlows.ShippedIds(_ => true).Count;

        var (exit, lines) = Execute(FakeTensorFlows.Complete, json: json);

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var cases = report.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, string.Join("\n", lines.Where(l => l.StartsWith("FAILED", StringComparison.Ordinal)).Take(10)));
            Assert.That(lines[^1], Is.EqualTo($"{total} passed, 0 failed"));
            Assert.That(lines, Does.Contain($"TensorFlow 2.16.1-tfops-fake from {FakeTensorFlows.Complete}"));
            Assert.That(cases.Select(c => (c.GetProperty("dtype").GetString(), c.GetProperty("data_format").GetString())).Distinct().Count(),
                Is.EqualTo((19 * 2) + 3), "every dtype in both formats, plus the error-only rows");
            Assert.That(cases.All(c => c.GetProperty("status").GetString() == "passed"), Is.True);
            Assert.That(report.RootElement.GetProperty("tensorflow").GetProperty("library").GetString(), Is.EqualTo(FakeTensorFlows.Complete));
            Assert.That(FakeTensorFlows.Count(FakeTensorFlows.Complete, "builtin_computes"), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Nothing_the_run_created_in_TensorFlow_is_left_alive()
    {
        var (exit, _) = Execute(FakeTensorFlows.Complete, filter: "*/NCHW/*");

        Assert.That(exit, Is.Zero);
        foreach (string kind in (string[])["contexts", "context_options", "ops", "handles", "tensors", "buffers", "statuses", "misuse"])
        {
            Assert.That(FakeTensorFlows.Count(FakeTensorFlows.Complete, kind), Is.Zero, kind);
        }
    }

    [Test]
    public void A_TensorFlow_one_ulp_off_in_float32_NHWC_channel_0_fails_exactly_the_exact_cases_it_touches()
    {
        // Cases graded at tolerance 0 (whole numbers, signed zeros) see the ulp; random cases' tolerance
        // absorbs it, empty cases have no sums, and the non-finite case's channel 0 is NaN, which has no next value.
        var expected = FakeTensorFlows.ShippedIds(c => FakeTensorFlows.Text(c, "dtype") == "float32" && FakeTensorFlows.Text(c, "data_format") == "NHWC"
            && FakeTensorFlows.Text(c, "values") is "whole" or "signedzero" && FakeTensorFlows.Elements(c) > 0);

        var (exit, lines) = Execute(FakeTensorFlows.Variant("WRONG_FLOAT32_NHWC_ULP"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(expected, Has.Count.EqualTo(12));
            Assert.That(FailedIds(lines), Is.EquivalentTo(expected));
            Assert.That(lines[^1], Does.EndWith($" passed, {expected.Count} failed"));
        });
    }

    [Test]
    public void A_TensorFlow_with_another_rank_error_text_fails_exactly_the_rank_cases()
    {
        var expected = FakeTensorFlows.ShippedIds(c => c["error"] is { } e && ((string)e["message"]!).StartsWith("Input tensor must be at least 2D", StringComparison.Ordinal));

        var (exit, lines) = Execute(FakeTensorFlows.Variant("WRONG_RANK_TEXT"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(expected, Has.Count.EqualTo(4));
            Assert.That(FailedIds(lines), Is.EquivalentTo(expected));
        });
    }

    [Test]
    public void A_TensorFlow_returning_one_extra_float64_NCHW_element_fails_every_float64_NCHW_value_case()
    {
        var expected = FakeTensorFlows.ShippedIds(c => FakeTensorFlows.Text(c, "dtype") == "float64" && FakeTensorFlows.Text(c, "data_format") == "NCHW"
            && c["expected"] is not null);

        var (exit, lines) = Execute(FakeTensorFlows.Variant("WRONG_FLOAT64_NCHW_EXTRA"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(FailedIds(lines), Is.EquivalentTo(expected));
            Assert.That(lines.Where(l => l.StartsWith("FAILED float64/NCHW/", StringComparison.Ordinal)), Has.All.Contain("TensorFlow returned shape"));
        });
    }

    [Test]
    public void A_missing_library_is_one_line_naming_what_was_tried_then_one_failure()
    {
        string missing = Path.Combine(Fixtures.TempDir(), "libtensorflow-missing.so");

        var (exit, lines) = Execute(missing);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Contain($"'{missing}' (explicit path) could not be loaded").And.Contain("'tensorflow'").And.Contain("TFE_Execute"));
            Assert.That(lines[1], Is.EqualTo("0 passed, 1 failed"));
        });
    }

    [Test]
    public void A_library_missing_one_symbol_is_one_line_naming_it_then_one_failure()
    {
        string library = FakeTensorFlows.Variant("OMIT_EAGER_EXECUTE");

        var (exit, lines) = Execute(library);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Contain($"'{library}' (explicit path) loaded, but does not export TFE_Execute"));
            Assert.That(lines[1], Is.EqualTo("0 passed, 1 failed"));
        });
    }

    [Test]
    public void The_environment_variable_names_the_library_when_library_is_not_given()
    {
        string? previous = Environment.GetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY");
        try
        {
            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", FakeTensorFlows.Complete);
            var writer = new StringWriter();
            int exit = TensorFlowParity.Execute(ParityConsole.Create(writer, redirected: true), Fixtures.Shipped, "bfloat16/*", null, null, false, false);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero);
                Assert.That(writer.ToString(), Does.Contain($"from {FakeTensorFlows.Complete}"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", previous);
        }
    }
}
