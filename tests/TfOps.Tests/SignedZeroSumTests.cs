using System.Numerics;
using TfOps.Tests.Support;

namespace TfOps.Tests;

/// <summary>
/// Every sum of more than one term starts from +0.0, as Eigen's SumReducer does (its accumulators
/// are initialized to zero) and as TensorFlow's partial-sum buffers are (setZero): zeros of either
/// sign sum to +0.0, in every strategy and for inputs with no elements. The reference is a naive
/// double loop from 0.0 (<see cref="NaiveReference.FloatSums{T}"/>), compared bit for bit.
/// </summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
public class SignedZeroSumTests<T>
    where T : unmanaged
{
    [TestCase(DataFormat.NHWC, new long[] { 2, 6 })]
    [TestCase(DataFormat.NHWC, new long[] { 1000, 6 })]          // column kernel, several row groups and blocks
    [TestCase(DataFormat.NHWC, new long[] { 3, 1, 1, 700 })]     // wide rows
    [TestCase(DataFormat.NCHW, new long[] { 1, 6, 2 })]          // N = 1 but two terms per channel: a sum, not a copy
    [TestCase(DataFormat.NCHW, new long[] { 3, 6 })]             // rank-2 NCHW: column sums
    [TestCase(DataFormat.NCHW, new long[] { 2, 6, 300 })]        // planes
    [TestCase(DataFormat.NHWC, new long[] { 0, 6 })]             // no elements: C zeros
    public void ZerosOfEitherSignSumToPositiveZero(DataFormat format, long[] shape)
    {
        var (outer, channels, inner) = NaiveReference.View(shape, format);
        var input = new T[outer * channels * inner];
        for (long n = 0; n < outer; n++)
        {
            for (long c = 0; c < channels; c++)
            {
                for (long i = 0; i < inner; i++)
                {
                    long term = (n * inner) + i;
                    input[(((n * channels) + c) * inner) + i] = Dtype<T>.Make(Term(c, term), Term(channels - 1 - c, term));
                }
            }
        }

        var (re, im, _) = NaiveReference.FloatSums<T>(input, shape, format);
        var expected = re.Select((r, c) => Dtype<T>.Make(r, im[c])).ToArray();
        var output = new T[channels];
        BiasAddGrad.Compute<T>(input, shape, format, output);
        Assert.That(Dtype<T>.Bits(output), Is.EqualTo(Dtype<T>.Bits(expected)));
        Assert.That(expected.Count(e => Dtype<T>.ToDoubles(e) is (0, 0)), Is.GreaterThanOrEqualTo(4), "the pattern pins zeros");
    }

    /// <summary>Per channel: all -0.0; all +0.0; -0.0 and +0.0 alternating; 1.5, -1.5, then -0.0; -0.0 then -2 last; +0.0 then -0.0.</summary>
    private static double Term(long channel, long term) => (channel % 6) switch
    {
        0 => -0.0,
        1 => 0.0,
        2 => term % 2 == 0 ? -0.0 : 0.0,
        3 => term switch { 0 => 1.5, 1 => -1.5, _ => -0.0 },
        4 => term == 1 ? -2.0 : -0.0,
        _ => term == 0 ? 0.0 : -0.0,
    };
}
