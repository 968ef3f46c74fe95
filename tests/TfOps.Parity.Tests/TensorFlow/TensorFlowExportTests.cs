using System.Text.Json.Nodes;
using TfOps.Cli;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// <c>tfops export --tensorflow</c> against the native fake: a tfops-golden/1 set that loads under the
/// schema, records TensorFlow as its producer, keeps the quantized expectations with TensorFlow's
/// NotFound as the note, and that <c>tfops parity</c> and the NUnit golden grading pass on.
/// </summary>
[NonParallelizable]
public class TensorFlowExportTests
{
    private static readonly Lazy<(int Exit, string[] Lines, string Out)> Exported = new(() =>
    {
        string output = Path.Combine(Fixtures.TempDir(), "exported");
        var writer = new StringWriter();
        int exit = ExportCommand.Execute(ParityConsole.Create(writer, redirected: true), Fixtures.Shipped, output, tensorflow: true,
            FakeTensorFlows.Complete, showProgress: false);
        return (exit, writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), output);
    });

    [SetUp]
    public void RequireCompiler() => FakeTensorFlows.RequireCompiler();

    private static JsonObject Manifest(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!.AsObject();

    [Test]
    public void Exports_every_case_with_TensorFlow_as_the_producer()
    {
        var (exit, lines, output) = Exported.Value;
        JsonObject manifest = Manifest(output);
        int total = FakeTensorFlows.ShippedIds(_ => true).Count;

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, string.Join("\n", lines));
            Assert.That(lines[^1], Does.StartWith($"{total} cases written to "));
            Assert.That((string?)manifest["producer"]!["backend"], Is.EqualTo("tensorflow-c"));
            Assert.That((string?)manifest["producer"]!["version"], Is.EqualTo("2.16.1-tfops-fake"));
            Assert.That(manifest["cases"]!.AsArray(), Has.Count.EqualTo(total));
            Assert.That(GoldenSchema.Validate(File.ReadAllText(Path.Combine(output, "manifest.json"))).Manifest, Is.Empty);
            Assert.That(GoldenSchema.Validate(File.ReadAllText(Path.Combine(output, "manifest.json"))).Cases, Is.Empty);
        });
    }

    [Test]
    public void Value_cases_carry_TensorFlows_output_and_error_cases_its_status()
    {
        JsonObject manifest = Manifest(Exported.Value.Out);
        var cases = manifest["cases"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var shippedErrors = FakeTensorFlows.ShippedIds(c => c["error"] is not null);

        Assert.Multiple(() =>
        {
            Assert.That(cases.Where(c => !FakeTensorFlows.Text(c, "dtype")!.StartsWith('q') && c["error"] is null).Select(c => FakeTensorFlows.Text(c, "expected_source")),
                Has.All.EqualTo("tensorflow"));
            Assert.That(cases.Where(c => c["error"] is not null).Select(c => (string)c["id"]!), Is.EquivalentTo(shippedErrors));
            foreach (JsonObject c in cases.Where(c => c["error"] is not null))
            {
                // The shipped errors are TensorFlow's texts as the numpy model writes them: the fake must have said the same.
                JsonObject shipped = ShippedCase((string)c["id"]!);
                Assert.That(c["error"]!.ToJsonString(), Is.EqualTo(shipped["error"]!.ToJsonString()), (string)c["id"]!);
            }
        });
    }

    [Test]
    public void Quantized_cases_keep_the_source_expectation_with_TensorFlows_NotFound_as_the_note()
    {
        string output = Exported.Value.Out;
        var quantized = Manifest(output)["cases"]!.AsArray().Select(c => c!.AsObject()).Where(c => FakeTensorFlows.Text(c, "dtype")!.StartsWith('q')).ToList();

        Assert.That(quantized, Has.Count.EqualTo(FakeTensorFlows.ShippedIds(c => FakeTensorFlows.Text(c, "dtype")!.StartsWith('q')).Count));
        Assert.Multiple(() =>
        {
            foreach (JsonObject c in quantized)
            {
                string id = (string)c["id"]!;
                Assert.That(FakeTensorFlows.Text(c, "note"), Is.EqualTo(
                    "TensorFlow 2.16.1-tfops-fake has no kernel: NOT_FOUND No registered 'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}"), id);
                Assert.That(FakeTensorFlows.Text(c, "expected_source"), Is.EqualTo("numpy 1.24.2"), id);
                byte[] shipped = File.ReadAllBytes(Path.Combine(Fixtures.Shipped, (string)ShippedCase(id)["expected"]!));
                byte[] kept = File.ReadAllBytes(Path.Combine(output, (string)c["expected"]!));
                Assert.That(PayloadOf(kept), Is.EqualTo(PayloadOf(shipped)), id);
            }
        });
    }

    [Test]
    public void The_export_passes_tfops_parity_and_the_golden_grading()
    {
        string output = Exported.Value.Out;
        var writer = new StringWriter();
        int exit = ParityCommand.Execute(ParityConsole.Create(writer, redirected: true), output, null, null, showProgress: false);
        GoldenManifest manifest = ManifestLoader.Load(output);
        var failed = manifest.Entries.Select(e => CaseGrader.Grade(manifest, e)).Where(r => !r.Passed).Select(r => $"{r.Id}: {r.Reason}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, writer.ToString());
            Assert.That(writer.ToString().TrimEnd(), Does.EndWith($"{manifest.Entries.Count} passed, 0 failed"));
            Assert.That(failed, Is.Empty, "what GoldenTests runs on a fixture folder");
        });
    }

    [Test]
    public void Refuses_to_export_over_its_own_source()
    {
        string source = new FixtureBuilder().Copy("float32/NHWC/3x2").Write();
        var writer = new StringWriter();

        int exit = ExportCommand.Execute(ParityConsole.Create(writer, redirected: true), source, source, tensorflow: true, FakeTensorFlows.Complete, showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(writer.ToString(), Does.Contain("is the source folder"));
            Assert.That(File.Exists(Path.Combine(source, "cases", "float32", "NHWC", "3x2", "input.npy")), Is.True, "the source is untouched");
        });
    }

    [Test]
    public void A_case_that_cannot_be_read_is_skipped_and_named_and_the_rest_is_written()
    {
        string source = new FixtureBuilder().Copy("int16/NCHW/2x3x4x2").Copy("float32/NHWC/3x2", (c, _) => c["input"] = "cases/missing.npy").Write();
        string output = Path.Combine(Fixtures.TempDir(), "partial");
        var writer = new StringWriter();

        int exit = ExportCommand.Execute(ParityConsole.Create(writer, redirected: true), source, output, tensorflow: true, FakeTensorFlows.Complete, showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(writer.ToString(), Does.Contain("SKIPPED float32/NHWC/3x2: input: missing file"));
            Assert.That(ManifestLoader.Load(output).Entries.Select(e => e.Id), Is.EqualTo(new[] { "int16/NCHW/2x3x4x2" }));
        });
    }

    [Test]
    public void Needs_the_tensorflow_option()
    {
        var writer = new StringWriter();

        int exit = ExportCommand.Execute(ParityConsole.Create(writer, redirected: true), Fixtures.Shipped, Fixtures.TempDir(), tensorflow: false, null, showProgress: false);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(writer.ToString(), Does.Contain("needs --tensorflow"));
        });
    }

    private static JsonObject ShippedCase(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Shipped, "manifest.json")))!["cases"]!.AsArray()
            .Select(c => c!.AsObject()).Single(c => (string)c["id"]! == id);

    // The data after an .npy header: the headers' padding may differ, the values may not.
    private static byte[] PayloadOf(byte[] npy) => npy[NpyHeader.Parse(npy).DataOffset..];
}
