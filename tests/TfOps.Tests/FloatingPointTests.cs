using System.Numerics;
using TfOps.Tests.Support;

namespace TfOps.Tests;

/// <summary>Real-valued data against a double reference within the natural error bound, and IEEE special values.</summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
public class FloatingPointTests<T>
    where T : unmanaged
{
    [TestCase(DataFormat.NHWC, new long[] { 1000, 3 })]
    [TestCase(DataFormat.NHWC, new long[] { 300, 131 })]
    [TestCase(DataFormat.NHWC, new long[] { 1, 1000 })]
    [TestCase(DataFormat.NCHW, new long[] { 40, 16, 49 })]
    [TestCase(DataFormat.NCHW, new long[] { 7, 3, 5000 })]
    [TestCase(DataFormat.NCHW, new long[] { 3, 2, 70000 })]
    public void RealValuesWithinTheErrorBound(DataFormat format, long[] shape)
    {
        var input = Dtype<T>.RandomArray((int)shape.Aggregate(1L, (a, b) => a * b), seed: 17, wholeNumbers: false);
        var (re, im, abs) = NaiveReference.FloatSums<T>(input, shape, format);
        var (_, _, inner) = NaiveReference.View(shape, format);
        double terms = input.Length / re.Length;
        var output = new T[re.Length];
        BiasAddGrad.Compute<T>(input, shape, format, output);
        for (int c = 0; c < re.Length; c++)
        {
            var (gotRe, gotIm) = Dtype<T>.ToDoubles(output[c]);
            double tolerance = (terms * Dtype<T>.AccumulatorEpsilon * abs[c]) + (2 * Dtype<T>.OutputRelativeUlp * (Math.Abs(re[c]) + Math.Abs(im[c])));
            Assert.That(gotRe, Is.EqualTo(re[c]).Within(tolerance), $"channel {c} (inner {inner})");
            Assert.That(gotIm, Is.EqualTo(Dtype<T>.IsComplex ? im[c] : 0).Within(tolerance), $"channel {c} imaginary");
        }
    }

    [TestCase(DataFormat.NHWC)]
    [TestCase(DataFormat.NCHW)]
    public void NaNAndInfinityPropagate(DataFormat format)
    {
        // Channels: 0 gets +Inf, 1 gets NaN, 2 gets +Inf and -Inf (NaN), 3 stays finite; large enough for the vector paths.
        long[] shape = format == DataFormat.NHWC ? [600, 4] : [3, 4, 300];
        var input = Dtype<T>.RandomArray((int)shape.Aggregate(1L, (a, b) => a * b), seed: 3, wholeNumbers: true);
        void Set(int channel, int k, double value)
        {
            int index = format == DataFormat.NHWC ? (k * 4) + channel : (((k % 3) * 4) + channel) * 300 + (k * 7 % 300);
            input[index] = Dtype<T>.Make(value, Dtype<T>.IsComplex ? value : 0);
        }

        Set(0, 5, double.PositiveInfinity);
        Set(1, 17, double.NaN);
        Set(2, 1, double.PositiveInfinity);
        Set(2, 2, double.NegativeInfinity);
        var output = new T[4];
        BiasAddGrad.Compute<T>(input, shape, format, output);
        var results = output.Select(Dtype<T>.ToDoubles).ToArray();
        Assert.That(double.IsPositiveInfinity(results[0].Re), Is.True, $"got {results[0].Re}");
        Assert.That(double.IsNaN(results[1].Re), Is.True);
        Assert.That(double.IsNaN(results[2].Re), Is.True);
        Assert.That(double.IsFinite(results[3].Re), Is.True);
    }
}
