using System.Numerics;

namespace TfOps.Tests.Support;

/// <summary>
/// The op by its definition, with wide accumulators: integers summed exactly in Int128 and wrapped
/// once; floating types summed in double (exact for the small whole numbers most tests use).
/// Channel axis: last for NHWC, axis 1 for NCHW, at every rank.
/// </summary>
internal static class NaiveReference
{
    public static (long Outer, long Channels, long Inner) View(ReadOnlySpan<long> shape, DataFormat format)
    {
        int axis = format == DataFormat.NHWC ? shape.Length - 1 : 1;
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++)
        {
            outer *= shape[i];
        }

        for (int i = axis + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[axis], inner);
    }

    /// <summary>Exact per-channel sums as doubles (real, imaginary) and the per-channel sum of |x| for tolerances.</summary>
    public static (double[] Re, double[] Im, double[] Abs) FloatSums<T>(ReadOnlySpan<T> input, ReadOnlySpan<long> shape, DataFormat format)
        where T : unmanaged
    {
        var (outer, channels, inner) = View(shape, format);
        var re = new double[channels];
        var im = new double[channels];
        var abs = new double[channels];
        for (long n = 0; n < outer; n++)
        {
            for (long c = 0; c < channels; c++)
            {
                for (long i = 0; i < inner; i++)
                {
                    var (r, m) = Dtype<T>.ToDoubles(input[(int)((((n * channels) + c) * inner) + i)]);
                    re[c] += r;
                    im[c] += m;
                    abs[c] += Math.Abs(r) + Math.Abs(m);
                }
            }
        }

        return (re, im, abs);
    }

    public static T[] IntegerSums<T>(ReadOnlySpan<T> input, ReadOnlySpan<long> shape, DataFormat format)
        where T : unmanaged
    {
        var (outer, channels, inner) = View(shape, format);
        var sums = new Int128[channels];
        for (long n = 0; n < outer; n++)
        {
            for (long c = 0; c < channels; c++)
            {
                for (long i = 0; i < inner; i++)
                {
                    sums[c] += Dtype<T>.ToInt128(input[(int)((((n * channels) + c) * inner) + i)]);
                }
            }
        }

        return [.. sums.Select(Dtype<T>.FromInt128)];
    }

    /// <summary>
    /// The expected output when the exact sum is representable in the accumulator (whole numbers):
    /// the exact sum rounded once to the output type.
    /// </summary>
    public static T[] ExactExpected<T>(ReadOnlySpan<T> input, ReadOnlySpan<long> shape, DataFormat format)
        where T : unmanaged
    {
        if (Dtype<T>.IsInteger)
        {
            return IntegerSums(input, shape, format);
        }

        var (re, im, _) = FloatSums(input, shape, format);
        var expected = new T[re.Length];
        for (int c = 0; c < re.Length; c++)
        {
            object value = typeof(T) switch
            {
                var t when t == typeof(Half) => (Half)(float)re[c],
                var t when t == typeof(BFloat16) => BFloat16.FromBits(ReferenceRounding.ToBFloat16Bits((float)re[c])),
                var t when t == typeof(float) => (float)re[c],
                var t when t == typeof(double) => re[c],
                var t when t == typeof(Complex64) => new Complex64((float)re[c], (float)im[c]),
                _ => new Complex(re[c], im[c]),
            };
            expected[c] = (T)value;
        }

        return expected;
    }
}
