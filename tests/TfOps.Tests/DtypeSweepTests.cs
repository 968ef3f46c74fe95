using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Tests.Support;

namespace TfOps.Tests;

/// <summary>
/// Every dtype against the naive reference: channel counts and inner extents across every vector
/// boundary, ranks 2-6, and sizes large enough for the threaded paths. Integers use full-range
/// values (so sums wrap); floating types use small whole numbers, whose sums are exact in any order.
/// </summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
[TestFixture(typeof(sbyte))]
[TestFixture(typeof(byte))]
[TestFixture(typeof(short))]
[TestFixture(typeof(ushort))]
[TestFixture(typeof(int))]
[TestFixture(typeof(uint))]
[TestFixture(typeof(long))]
[TestFixture(typeof(ulong))]
public class DtypeSweepTests<T>
    where T : unmanaged
{
    [Test]
    public void NhwcChannelSweep()
    {
        foreach (int rows in new[] { 1, 2, 5, 37 })
        {
            for (int channels = 1; channels <= 70; channels++)
            {
                Check([rows, channels], DataFormat.NHWC, seed: (rows * 100) + channels);
            }
        }
    }

    [Test]
    public void NchwInnerSweep()
    {
        foreach (int n in new[] { 1, 2, 5 })
        {
            foreach (int channels in new[] { 1, 3, 17 })
            {
                for (int inner = 0; inner <= 70; inner++)
                {
                    Check([n, channels, inner], DataFormat.NCHW, seed: (n * 10000) + (channels * 100) + inner);
                }
            }
        }
    }

    [Test]
    public void NchwPlanesAcrossSlotBoundaries()
    {
        foreach (int inner in new[] { 255, 256, 257, 319, 320, 1000, 4099 })
        {
            Check([3, 2, inner], DataFormat.NCHW, seed: inner);
            Check([1, 5, inner], DataFormat.NCHW, seed: inner + 1);
        }
    }

    [TestCase(new long[] { 6, 7 })]
    [TestCase(new long[] { 2, 3, 4 })]
    [TestCase(new long[] { 2, 3, 4, 5 })]
    [TestCase(new long[] { 2, 3, 1, 4, 5 })]
    [TestCase(new long[] { 1, 2, 3, 2, 3, 19 })]
    public void Ranks2To6(long[] shape)
    {
        Check(shape, DataFormat.NHWC, seed: shape.Length);
        Check(shape, DataFormat.NCHW, seed: shape.Length + 7);
    }

    [TestCase(DataFormat.NHWC, new long[] { 70001, 3 })]
    [TestCase(DataFormat.NHWC, new long[] { 4099, 67 })]
    [TestCase(DataFormat.NHWC, new long[] { 33, 9001 })]
    [TestCase(DataFormat.NCHW, new long[] { 9, 130, 49 })]
    [TestCase(DataFormat.NCHW, new long[] { 21, 7, 3001 })]
    [TestCase(DataFormat.NCHW, new long[] { 2, 3, 140001 })]
    public void LargeInputsThroughTheThreadedPaths(DataFormat format, long[] shape)
    {
        T[] input = InputFor(shape, seed: 99);
        T[] expected = NaiveReference.ExactExpected<T>(input, shape, format);
        byte[]? first = null;
        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var output = new T[expected.Length];
            BiasAddGrad.Compute<T>(input, shape, format, output, new KernelOptions { MaxThreads = threads });
            AssertBits(expected, output, $"{format} [{string.Join(",", shape)}] threads={threads}");
            first ??= Dtype<T>.Bits(output);
            Assert.That(Dtype<T>.Bits(output), Is.EqualTo(first));
        }
    }

    [Test]
    public void RawBytesOverloadMatchesTheTypedOne()
    {
        long[] shape = [5, 4, 33];
        T[] input = InputFor(shape, seed: 5);
        var typed = new T[4];
        BiasAddGrad.Compute<T>(input, shape, DataFormat.NCHW, typed);
        var raw = new byte[typed.Length * Marshal.SizeOf<T>()];
        BiasAddGrad.Compute(Dtype<T>.DataType, MemoryMarshal.AsBytes(input.AsSpan()), shape, DataFormat.NCHW, raw);
        Assert.That(raw, Is.EqualTo(Dtype<T>.Bits(typed)));
    }

    private static T[] InputFor(long[] shape, int seed) =>
        Dtype<T>.RandomArray((int)shape.Aggregate(1L, (a, b) => a * b), seed, wholeNumbers: true);

    private static void Check(long[] shape, DataFormat format, int seed)
    {
        T[] input = InputFor(shape, seed);
        T[] expected = NaiveReference.ExactExpected<T>(input, shape, format);
        var output = new T[expected.Length];
        BiasAddGrad.Compute<T>(input, shape, format, output);
        AssertBits(expected, output, $"{format} [{string.Join(",", shape)}]");
    }

    private static void AssertBits(T[] expected, T[] actual, string what)
    {
        byte[] want = Dtype<T>.Bits(expected), got = Dtype<T>.Bits(actual);
        if (!want.AsSpan().SequenceEqual(got))
        {
            int c = Enumerable.Range(0, expected.Length).First(i => !expected[i].Equals(actual[i]));
            Assert.Fail($"{typeof(T).Name} {what}: channel {c} expected {expected[c]} got {actual[c]}");
        }
    }
}
