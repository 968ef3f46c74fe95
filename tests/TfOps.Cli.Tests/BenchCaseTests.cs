using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchCaseTests
{
    // The shared perf harness's eleven shapes (../shared/perf-harness/Program.cs, AllCases), by float32 size.
    private static readonly string[] s_harnessLarge =
        ["NHWC [64,112,112,32]", "NCHW [64,32,112,112]", "NHWC [4194304,3]", "NCHW [16,3,512,512]"];

    private static readonly string[] s_harnessCacheSized =
        ["NHWC [1,1000]", "NHWC [256,1024]", "NCHW [256,1024,1]", "NHWC [32,56,56,64]", "NCHW [32,64,56,56]", "NCHW [256,512,7,7]", "NHWC [256,7,7,512]"];

    [Test]
    public void AllIsTheHarnessesElevenShapes() =>
        Assert.That(BenchCase.Select(BenchShapeSet.All).Select(c => c.Name), Is.EquivalentTo(s_harnessLarge.Concat(s_harnessCacheSized)));

    [Test]
    public void LargeIsTheFiftyMegabyteShapes() =>
        Assert.That(BenchCase.Select(BenchShapeSet.Large).Select(c => c.Name), Is.EquivalentTo(s_harnessLarge));

    [Test]
    public void SmallIsTheCacheSizedShapes() =>
        Assert.That(BenchCase.Select(BenchShapeSet.Small).Select(c => c.Name), Is.EquivalentTo(s_harnessCacheSized));

    [TestCase(DataFormat.NHWC, new long[] { 64, 112, 112, 32 }, 32, 25_690_112)]
    [TestCase(DataFormat.NCHW, new long[] { 16, 3, 512, 512 }, 3, 12_582_912)]
    [TestCase(DataFormat.NCHW, new long[] { 256, 1024, 1 }, 1024, 262_144)]
    public void ChannelsAndSizes(DataFormat format, long[] shape, int channels, long elements)
    {
        var benchCase = new BenchCase(format, shape);
        Assert.That(benchCase.Channels, Is.EqualTo(channels));
        Assert.That(benchCase.Elements, Is.EqualTo(elements));
        Assert.That(benchCase.Bytes(TfDataType.Int8), Is.EqualTo(elements));
        Assert.That(benchCase.Bytes(TfDataType.BFloat16), Is.EqualTo(2 * elements));
        Assert.That(benchCase.Bytes(TfDataType.Complex128), Is.EqualTo(16 * elements));
    }
}
