using System.Runtime.InteropServices;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchRunnerTests
{
    private static readonly BenchCase s_nchw = new(DataFormat.NCHW, [3, 5, 7, 11]);

    [TestCase("float32")]
    [TestCase("bfloat16")]
    [TestCase("qint8")]
    public void MeasuresBothCandidatesEveryRound(string dtype)
    {
        var settings = new BenchSettings(BenchCommand.ParseDtype(dtype), BenchShapeSet.All, Reps: 3, MaxThreads: null);
        var result = BenchRunner.Measure(s_nchw, settings);
        foreach (var times in new[] { result.TfOps, result.Reference })
        {
            Assert.That(times.TimesMs, Has.Count.EqualTo(3));
            Assert.That(times.TimesMs, Has.All.Positive);
            Assert.That(times.MedianMs, Is.InRange(times.TimesMs.Min(), times.TimesMs.Max()));
            Assert.That(times.CallsPerMeasurement, Is.GreaterThanOrEqualTo(1));
        }

        Assert.That(result.Bytes, Is.EqualTo(s_nchw.Elements * TfDataTypes.ElementSize(settings.DataType)));
        Assert.That(result.ParallelProbe, Is.Positive);
    }

    [Test]
    public void EveryDtypesTargetRunsOnTheBenchmarksBuffer()
    {
        foreach (string name in BenchCommand.DtypeNames)
        {
            var dtype = BenchCommand.ParseDtype(name);
            byte[] input = BenchData.Create(dtype, s_nchw.Elements);
            var target = new TfOpsTarget(dtype, input, s_nchw, options: null);
            Assert.DoesNotThrow(target.Run, name);
            Assert.That(target.Output.Length, Is.EqualTo(5 * TfDataTypes.ElementSize(dtype)), name);
        }
    }

    [Test]
    public void TheTimedCallComputesTheChannelSumsOfTheBuffer()
    {
        // int32 wraps: the naive sum in a long, cut to 32 bits, is exact.
        byte[] input = BenchData.Create(TfDataType.Int32, s_nchw.Elements);
        var target = new TfOpsTarget(TfDataType.Int32, input, s_nchw, new KernelOptions { MaxThreads = 1 });
        target.Run();
        var values = MemoryMarshal.Cast<byte, int>(input);
        var naive = new long[5];
        for (int i = 0; i < values.Length; i++)
        {
            naive[i / (7 * 11) % 5] += values[i];
        }

        Assert.That(MemoryMarshal.Cast<byte, int>(target.Output).ToArray(), Is.EqualTo(naive.Select(v => unchecked((int)v)).ToArray()));
    }

    [Test]
    public void TheCommandWritesItsTableJsonAndPlot()
    {
        string dir = Directory.CreateTempSubdirectory("tfops-bench-").FullName;
        var json = new FileInfo(Path.Combine(dir, "bench.json"));
        var png = new FileInfo(Path.Combine(dir, "bench.png"));
        var settings = new BenchSettings(TfDataType.BFloat16, BenchShapeSet.All, Reps: 3, MaxThreads: 1);
        int exit = BenchCommand.Run(settings, [s_nchw, new BenchCase(DataFormat.NHWC, [64, 3])], json, png);
        Assert.That(exit, Is.Zero);
        Assert.That(File.ReadAllText(json.FullName), Does.Contain("\"dtype\": \"bfloat16\""));
        Assert.That(png.Length, Is.GreaterThan(10_000));
    }

    [Test]
    public void AnUnwritableFileFailsTheCommandAfterTheTable()
    {
        var json = new FileInfo(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "bench.json"));
        var settings = new BenchSettings(TfDataType.Float, BenchShapeSet.All, Reps: 3, MaxThreads: null);
        Assert.That(BenchCommand.Run(settings, [s_nchw], json, png: null), Is.EqualTo(1));
    }
}
