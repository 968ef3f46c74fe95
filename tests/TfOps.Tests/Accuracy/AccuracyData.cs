using TfOps.Tests.Support;

namespace TfOps.Tests.Accuracy;

/// <summary>What a test case's data look like, per channel.</summary>
public enum DataKind
{
    /// <summary>Pairs v, -v at mirrored places of the channel's order and a tiny residual: |S| far below A.</summary>
    Cancellation,

    /// <summary>Random signs and exponents over a wide range.</summary>
    MixedMagnitudes,

    /// <summary>Mostly subnormal numbers of the type, a few small normal ones.</summary>
    Subnormals,

    /// <summary>Three nonzero terms whose sum lies 2^-20 ulp to either side of a rounding midpoint.</summary>
    NearRoundingBoundary,

    /// <summary>Sums beyond the type's range (±infinity) and just inside it.</summary>
    Overflow,
}

/// <summary>
/// Test inputs of exactly representable values (every value is built from a significand of the
/// type's precision and an exponent in its range, so no conversion rounds), and where each channel's
/// terms sit: <c>Place(c, k)</c> is the element index of channel c's k-th term in the tensor's order.
/// </summary>
internal sealed class AccuracyData<T>
    where T : unmanaged
{
    private readonly Random _random;

    public AccuracyData(DataFormat format, long[] shape, int seed)
    {
        Format = format;
        Shape = shape;
        (Outer, Channels, Inner) = NaiveReference.View(shape, format);
        _random = new Random(seed);
    }

    public DataFormat Format { get; }

    public long[] Shape { get; }

    public long Outer { get; }

    public long Channels { get; }

    public long Inner { get; }

    public long TermsPerChannel => Outer * Inner;

    public static int Components => Dtype<T>.IsComplex ? 2 : 1;

    public static FloatFormat Type => typeof(T) == typeof(double) || typeof(T) == typeof(System.Numerics.Complex) ? FloatFormat.Double
        : typeof(T) == typeof(Half) ? FloatFormat.Half
        : typeof(T) == typeof(BFloat16) ? FloatFormat.BFloat16
        : FloatFormat.Single;

    /// <summary>Element index of channel <paramref name="channel"/>'s term number <paramref name="k"/>.</summary>
    public long Place(long channel, long k) =>
        ((((k / Inner) * Channels) + channel) * Inner) + (k % Inner);

    /// <summary>The tensor: every channel and component filled with <paramref name="kind"/> data.</summary>
    public T[] Make(DataKind kind)
    {
        long elements = Outer * Channels * Inner;
        var lanes = new double[elements * Components];
        var terms = new double[TermsPerChannel];
        for (long c = 0; c < Channels; c++)
        {
            for (int q = 0; q < Components; q++)
            {
                Fill(kind, terms);
                for (long k = 0; k < terms.Length; k++)
                {
                    lanes[(Place(c, k) * Components) + q] = terms[k];
                }
            }
        }

        var values = new T[elements];
        for (long i = 0; i < elements; i++)
        {
            values[i] = Dtype<T>.Make(lanes[i * Components], Components == 2 ? lanes[(i * Components) + 1] : 0);
        }

        return values;
    }

    /// <summary>One channel's terms, in the channel's order.</summary>
    public void Fill(DataKind kind, double[] terms)
    {
        var f = Type;
        int count = terms.Length;
        int headroom = (int)Math.Ceiling(Math.Log2(count + 1)) + 2;
        switch (kind)
        {
            case DataKind.MixedMagnitudes:
                for (int k = 0; k < count; k++)
                {
                    terms[k] = Value(Math.Max(f.MinExponent, -40), Math.Min(40, f.MaxExponent - headroom));
                }

                break;

            case DataKind.Cancellation:
                for (int k = 0; k < count / 2; k++)
                {
                    double v = Value(Math.Max(f.MinExponent, -30), Math.Min(30, f.MaxExponent - headroom));
                    terms[k] = v;
                    terms[count - 1 - k] = -v;
                }

                if (count % 2 == 1)
                {
                    terms[count / 2] = Value(f.MinExponent, Math.Min(-20, f.MaxExponent - headroom));
                }
                else if (count >= 2)
                {
                    // The last pair leaves 2^(j - p): w and -(w - 2^(j - p)), the number just below w = 2^j.
                    int lo = Math.Max(f.MinExponent + f.Precision, -20);
                    int j = _random.Next(lo, Math.Max(lo + 1, Math.Min(20, f.MaxExponent - headroom)));
                    double w = Math.ScaleB(1, j) * Sign();
                    terms[count / 2 - 1] = w;
                    terms[count / 2] = -(w - (Math.ScaleB(1, j - f.Precision) * Math.Sign(w)));
                }

                break;

            case DataKind.Subnormals:
                int tiny = f.MinExponent - f.Precision + 1;
                for (int k = 0; k < count; k++)
                {
                    terms[k] = _random.Next(8) == 0
                        ? Value(f.MinExponent, f.MinExponent + 2)
                        : Math.ScaleB(_random.NextInt64(1, 1L << (f.Precision - 1)), tiny) * Sign();
                }

                break;

            case DataKind.NearRoundingBoundary:
            {
                Array.Clear(terms);
                // base = 2^j (1 + m 2^(1-p)), then half its ulp, then 2^-20 of an ulp either way.
                int j = _random.Next(-3, 4);
                double sign = Sign();
                double ulp = Math.ScaleB(1, j - f.Precision + 1);
                double @base = (Math.ScaleB(1, j) + (_random.NextInt64(0, 1L << Math.Min(f.Precision - 1, 40)) * ulp)) * sign;
                Place(terms, @base, ulp / 2 * sign, Math.ScaleB(ulp, -21) * Sign());
                break;
            }

            case DataKind.Overflow:
            {
                Array.Clear(terms);
                double max = f.MaxValue, halfUlp = Math.ScaleB(1, f.MaxExponent - f.Precision), sign = Sign();
                double big = Math.ScaleB(1.5, f.MaxExponent) * sign;
                switch (_random.Next(4))
                {
                    case 0:
                        // 1.5 * 2^emax twice: beyond the range.
                        Place(terms, big, big);
                        break;
                    case 1:
                        // Just below the overflow midpoint: rounds to the largest finite number.
                        Place(terms, max * sign, halfUlp * sign, -Math.ScaleB(halfUlp, -10) * sign);
                        break;
                    case 2:
                        // Just above it: infinity.
                        Place(terms, max * sign, halfUlp * sign, Math.ScaleB(halfUlp, -10) * sign);
                        break;
                    default:
                        // A finite sum whose partial sums can leave the range, depending on the order.
                        Place(terms, big, big, -big);
                        break;
                }

                break;
            }
        }
    }

    /// <summary>A random number of the type with a leading-bit exponent in [lo, hi] and a random sign.</summary>
    public double Value(int lo, int hi)
    {
        var f = Type;
        int e = _random.Next(lo, Math.Max(lo, hi) + 1);
        long significand = _random.NextInt64(1L << (f.Precision - 1), 1L << f.Precision);
        return Math.ScaleB(significand, e - f.Precision + 1) * Sign();
    }

    private double Sign() => _random.Next(2) == 0 ? 1 : -1;

    /// <summary>The values at random distinct places (as many as there are places), the rest left as they are.</summary>
    private void Place(double[] terms, params double[] values)
    {
        var taken = new HashSet<int>();
        foreach (double value in values.Take(terms.Length))
        {
            int at;
            do
            {
                at = _random.Next(terms.Length);
            }
            while (!taken.Add(at));
            terms[at] = value;
        }
    }
}
