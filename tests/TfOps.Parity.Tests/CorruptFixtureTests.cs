using System.Text;
using System.Text.Json.Nodes;

namespace TfOps.Parity.Tests;

/// <summary>Broken fixture sets fail case by case with a clear reason, and never crash the run.</summary>
[TestFixture]
public class CorruptFixtureTests
{
    private const string Good = "float32/NHWC/3x2";

    private static ParityReport RunManifestText(string text)
    {
        string dir = Fixtures.TempDir();
        File.WriteAllText(Path.Combine(dir, "manifest.json"), text);
        return ParityRunner.Run(dir);
    }

    [Test]
    public void MissingManifestIsOneFailure()
    {
        var report = ParityRunner.Run(Fixtures.TempDir());
        Assert.That(report.ManifestProblem, Does.StartWith("no manifest at"));
        Assert.That(report.Summary, Is.EqualTo("0 passed, 1 failed"));
    }

    [TestCase("{ \"format\": ", "is not valid JSON")]
    [TestCase("[]", "has no \"format\"")]
    [TestCase("{\"format\": \"tfops-golden/2\", \"producer\": {\"backend\": \"x\", \"version\": \"1\"}, \"cases\": []}", "is format \"tfops-golden/2\"")]
    [TestCase("{\"format\": \"tfops-golden/1\", \"producer\": {\"backend\": \"x\", \"version\": \"1\"}, \"cases\": {}}", "does not match the tfops-golden/1 schema")]
    [TestCase("{\"format\": \"tfops-golden/1\", \"cases\": []}", "missing required 'producer'")]
    [TestCase("{\"format\": \"tfops-golden/1\", \"producer\": {\"backend\": \"x\", \"version\": \"1\"}, \"cases\": [] } trailing", "is not valid JSON")]
    public void UnusableManifestIsOneFailure(string text, string reason)
    {
        var report = RunManifestText(text);
        Assert.That(report.ManifestProblem, Does.Contain(reason));
        Assert.That(report.Summary, Is.EqualTo("0 passed, 1 failed"));
    }

    public static IEnumerable<TestCaseData> BrokenCases()
    {
        TestCaseData Case(string name, string reason, Action<JsonObject, string> edit, string id = Good) =>
            new TestCaseData(id, edit, reason).SetName($"BrokenCase({name})");

        yield return Case("no input", "missing required 'input'", (c, _) => c.Remove("input"));
        yield return Case("expected and error", "exactly one of 'expected' and 'error'",
            (c, _) => c["error"] = new JsonObject { ["code"] = "INVALID_ARGUMENT", ["message"] = "x" });
        yield return Case("neither expected nor error", "exactly one of 'expected' and 'error'", (c, _) => c.Remove("expected"));
        yield return Case("negative tolerance", "#/cases[1].tolerance", (c, _) => c["tolerance"]!["atol"] = -1.0);
        yield return Case("negative dim", "#/cases[1].shape", (c, _) => c["shape"] = new JsonArray(-3, 2));
        yield return Case("unknown error code", "#/cases[1].error.code", (c, _) => c["error"]!["code"] = "OOPS", "float32/NHWC/rank1");
        yield return Case("unknown dtype", "unknown dtype \"float8\"", (c, _) => c["dtype"] = "float8");
        yield return Case("other op", "not BiasAddGrad", (c, _) => c["op"] = "Conv2D");
        yield return Case("dtype disagrees with the file", "holds descr '<f4', but dtype float64 is stored as '<f8'", (c, _) => c["dtype"] = "float64");
        yield return Case("shape disagrees with the file", "the file's shape (3, 2) disagrees with the manifest's [2, 3]", (c, _) => c["shape"] = new JsonArray(2, 3));
        yield return Case("missing input file", "input: missing file", (c, _) => c["input"] = "cases/nowhere/input.npy");
        yield return Case("missing expected file", "expected: missing file", (c, _) => c["expected"] = "cases/nowhere/expected.npy");
        yield return Case("truncated input", "truncated: shape (3, 2) of float32 needs 24 data bytes, the file holds 20", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "input");
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..^4]);
        });
        yield return Case("truncated header", "truncated .npy header", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "input");
            File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        });
        yield return Case("trailing bytes", "has trailing bytes", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "expected");
            File.WriteAllBytes(path, [.. File.ReadAllBytes(path), 0, 0, 0, 0]);
        });
        yield return Case("not npy", "missing the \\x93NUMPY magic", (c, d) => File.WriteAllText(FixtureBuilder.PathOf(c, d, "input"), "hello, world"));
        yield return Case("garbled header", "malformed .npy header", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "input");
            var bytes = File.ReadAllBytes(path);
            Encoding.Latin1.GetBytes("{'descr' '<f4'").CopyTo(bytes, 10);
            File.WriteAllBytes(path, bytes);
        });
        yield return Case("fortran order", "Fortran-ordered", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "input");
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(path)).Replace("'fortran_order': False", "'fortran_order': True ", StringComparison.Ordinal);
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        });
        yield return Case("unsupported npy version", "unsupported .npy format version 9.0", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "input");
            var bytes = File.ReadAllBytes(path);
            bytes[6] = 9;
            File.WriteAllBytes(path, bytes);
        });
        yield return Case("expected off by one in one element", "element 1: got", (c, d) => Perturb<float>(FixtureBuilder.PathOf(c, d, "expected"), 1, v => v + 1));
        yield return Case("integer expected off by one", "element 0: got", (c, d) => Perturb<int>(FixtureBuilder.PathOf(c, d, "expected"), 0, v => v + 1), "int32/NHWC/3x2");
        yield return Case("quantized expected off by one", "integers compare exactly", (c, d) => Perturb<sbyte>(FixtureBuilder.PathOf(c, d, "expected"), 2, v => (sbyte)(v - 1)), "qint8/NCHW/5x3-wrap".Replace("5x3", "3x3x2", StringComparison.Ordinal));
        yield return Case("bfloat16 expected off by one ulp", "element 0: got", (c, d) => Perturb<ushort>(FixtureBuilder.PathOf(c, d, "expected"), 0, v => (ushort)(v + 1)), "bfloat16/NHWC/2x3x4x2");
        yield return Case("NaN expected where TfOps gives a number", "expected NaN", (c, d) => Perturb<float>(FixtureBuilder.PathOf(c, d, "expected"), 0, _ => float.NaN));
        yield return Case("wrong expected length", "expected: shape (3,), but NHWC input 3x2 has 2 channels", (c, d) =>
        {
            string path = FixtureBuilder.PathOf(c, d, "expected");
            NpyWriter.Write(path, GoldenDtype.For(TfDataType.Float), [3], new byte[12]);
        });
        yield return Case("error expected, value computed", "but TfOps computed a result", (c, _) =>
        {
            c.Remove("expected");
            c.Remove("tolerance");
            c["error"] = new JsonObject { ["code"] = "INVALID_ARGUMENT", ["message"] = "Input tensor must be at least 2D" };
        });
        yield return Case("other error message", "expected INVALID_ARGUMENT \"Input tensor must be at least 3D: [5]\", got INVALID_ARGUMENT \"Input tensor must be at least 2D: [5]\"",
            (c, _) => c["error"]!["message"] = "Input tensor must be at least 3D: [5]", "float32/NHWC/rank1");
        yield return Case("other error code", "expected NOT_FOUND", (c, _) => c["error"]!["code"] = "NOT_FOUND", "float32/NHWC/rank1");
        yield return Case("value expected, error raised", "TfOps raised INVALID_ARGUMENT", (c, _) => c["data_format"] = "NCDHW");
    }

    [TestCaseSource(nameof(BrokenCases))]
    public void BrokenCase(string id, Action<JsonObject, string> edit, string reason)
    {
        var builder = new FixtureBuilder().Copy("float64/NCHW/3x2");
        string dir = builder.Copy(id, edit).Write();
        var report = ParityRunner.Run(dir);
        Assert.That(report.ManifestProblem, Is.Null);
        Assert.That(report.Results, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(report.Results[0].Passed, Is.True, report.Results[0].Reason);
            Assert.That(report.Results[1].Passed, Is.False);
            Assert.That(report.Results[1].Reason, Does.Contain(reason));
            Assert.That(report.Summary, Is.EqualTo("1 passed, 1 failed"));
        });
    }

    [Test]
    public void CasesThatAreNotObjectsOrRepeatAnIdFail()
    {
        string dir = new FixtureBuilder().Copy(Good).Raw(42).Raw(null).Copy(Good).Write();
        var report = ParityRunner.Run(dir);
        Assert.That(report.Results.Select(r => r.Passed), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(report.Results[1].Id, Is.EqualTo("cases[1]"));
        Assert.That(report.Results[3].Reason, Does.Contain("duplicate id"));
    }

    [Test]
    public void CasesFailingTheSchemaKeepTheirDtypeAndFormatForTheReport()
    {
        string dir = new FixtureBuilder().Copy("uint16/NCHW/3x2", (c, _) => c.Remove("input")).Write();
        var result = ParityRunner.Run(dir).Results.Single();
        Assert.That((result.Dtype, result.DataFormat, result.Passed, result.WorstRatio), Is.EqualTo(("uint16", "NCHW", false, (double?)null)));
    }

    [Test]
    public void ToleranceLetsRoundingPassButNotAWholeUnit()
    {
        // float32 random case: a rounding-sized error passes, a whole unit fails.
        const string id = "float32/NHWC/1x3x2";
        string nudged = new FixtureBuilder().Copy(id, (c, d) => Perturb<float>(FixtureBuilder.PathOf(c, d, "expected"), 0, v => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(v) + 1))).Write();
        string broken = new FixtureBuilder().Copy(id, (c, d) => Perturb<float>(FixtureBuilder.PathOf(c, d, "expected"), 0, v => v + 1)).Write();
        Assert.Multiple(() =>
        {
            Assert.That(ParityRunner.Run(nudged).Failed, Is.Zero);
            Assert.That(ParityRunner.Run(broken).Failed, Is.EqualTo(1));
        });
    }

    private static void Perturb<T>(string path, int index, Func<T, T> change) where T : unmanaged
    {
        var dtype = typeof(T) == typeof(float) ? GoldenDtype.For(TfDataType.Float)
            : typeof(T) == typeof(int) ? GoldenDtype.For(TfDataType.Int32)
            : typeof(T) == typeof(sbyte) ? GoldenDtype.For(TfDataType.QInt8)
            : GoldenDtype.For(TfDataType.BFloat16);
        var tensor = NpyReader.Read(path, dtype);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(tensor.Data.AsSpan());
        values[index] = change(values[index]);
        NpyWriter.Write(path, dtype, tensor.Shape, tensor.Data);
    }
}
