using System.Runtime.InteropServices;
using TfOps.Cli;

namespace TfOps.Parity.Tests;

[TestFixture]
public class RunCommandTests
{
    private static (int Exit, string Out, string Error) Run(string dtype, string format, string input, string output)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = RunCommand.Execute(dtype, format, input, output, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [TestCase("int16/NCHW/2x3x4x2", "int16", "NCHW")]
    [TestCase("uint64/NHWC/1x2x3x4x2", "uint64", "NHWC")]
    [TestCase("qint32/NCHW/2x1x3x1x2x3", "qint32", "NCHW")]
    [TestCase("bfloat16/NHWC/2x3x4x2", "bfloat16", "NHWC")]
    [TestCase("float32/NCHW/3x2", "float32", "NCHW")]
    public void WritesWhatNumpyWouldForExactCases(string id, string dtype, string format)
    {
        string output = Path.Combine(Fixtures.TempDir(), "out.npy");
        var (exit, _, error) = Run(dtype, format, Fixtures.Case(id, "input.npy"), output);
        Assert.That(exit, Is.Zero, error);
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(File.ReadAllBytes(Fixtures.Case(id, "expected.npy"))));
    }

    [Test]
    public void Float32MatchesANaiveLoop()
    {
        string dir = Fixtures.TempDir();
        float[] values = [.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (i * 0.5f) - 3)];
        NpyWriter.Write(Path.Combine(dir, "in.npy"), GoldenDtype.For(TfDataType.Float), [2, 3, 4], MemoryMarshal.AsBytes(values.AsSpan()));
        var (exit, stdout, _) = Run("float32", "NCHW", Path.Combine(dir, "in.npy"), Path.Combine(dir, "out.npy"));
        var result = MemoryMarshal.Cast<byte, float>(NpyReader.Read(Path.Combine(dir, "out.npy"), GoldenDtype.For(TfDataType.Float)).Data);
        float[] naive = new float[3];
        for (int i = 0; i < values.Length; i++)
        {
            naive[i / 4 % 3] += values[i];
        }

        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("(2, 3, 4) -> (3,)"));
        Assert.That(result.ToArray(), Is.EqualTo(naive));
    }

    [TestCase("float8", "NHWC", "float32/NHWC/3x2", "unknown dtype 'float8'")]
    [TestCase("float32", "NCDHW", "float32/NHWC/3x2", "INVALID_ARGUMENT: Value for attr 'data_format' of \"NCDHW\"")]
    [TestCase("float32", "NHWC", "float32/NHWC/rank1", "INVALID_ARGUMENT: Input tensor must be at least 2D: [5]")]
    [TestCase("float64", "NHWC", "float32/NHWC/3x2", "holds descr '<f4', but dtype float64 is stored as '<f8'")]
    [TestCase("bool", "NHWC", "bool/NHWC/3x2", "Value for attr 'T' of bool is not in the list")]
    [TestCase("float32", "NHWC", "float32/NHWC/no-such-case", "missing file")]
    public void FailuresExplainThemselves(string dtype, string format, string id, string reason)
    {
        var (exit, _, error) = Run(dtype, format, Fixtures.Case(id, "input.npy"), Path.Combine(Fixtures.TempDir(), "out.npy"));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error, Does.Contain(reason));
    }
}
