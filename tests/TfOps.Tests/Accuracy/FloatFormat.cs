using System.Numerics;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// A binary floating-point format by its parameters, and IEEE rounding of exact values, written for
/// the tests from the IEEE 754 definitions (independent of the kernel and of .NET's conversions).
/// Exact values are integers scaled by 2^1074 (<see cref="ExactSum.FractionBits"/>).
/// </summary>
/// <param name="Name">For messages.</param>
/// <param name="Precision">Significand bits, the hidden one included.</param>
/// <param name="MinExponent">Exponent of the smallest normal number.</param>
/// <param name="MaxExponent">Exponent of the largest finite numbers.</param>
internal sealed record FloatFormat(string Name, int Precision, int MinExponent, int MaxExponent)
{
    public static readonly FloatFormat Single = new("float32", 24, -126, 127);
    public static readonly FloatFormat Double = new("float64", 53, -1022, 1023);
    public static readonly FloatFormat Half = new("float16", 11, -14, 15);
    public static readonly FloatFormat BFloat16 = new("bfloat16", 8, -126, 127);

    /// <summary>2^(MaxExponent + 1), scaled: the first magnitude beyond every finite number.</summary>
    public BigInteger Beyond => BigInteger.One << (MaxExponent + 1 + ExactSum.FractionBits);

    /// <summary>The smallest magnitude that rounds to infinity, scaled: midway between the largest finite number and <see cref="Beyond"/> (the tie goes to infinity, whose neighbour is odd).</summary>
    public BigInteger OverflowThreshold => Beyond - (BigInteger.One << (MaxExponent - Precision + ExactSum.FractionBits));

    /// <summary>The largest finite value, as a double (every format here fits in a double).</summary>
    public double MaxValue => Math.ScaleB(2 - Math.ScaleB(1, 1 - Precision), MaxExponent);

    /// <summary>log2 of the spacing of this format's numbers around the exact value <paramref name="scaled"/>.</summary>
    public int QuantumExponent(BigInteger scaled)
    {
        int leading = scaled.IsZero ? MinExponent : (int)BigInteger.Abs(scaled).GetBitLength() - 1 - ExactSum.FractionBits;
        return Math.Max(leading, MinExponent) - (Precision - 1);
    }

    /// <summary>The two numbers of this format around the exact value (equal when it is one), toward -inf and +inf; beyond the range, ±<see cref="Beyond"/> stands for ±infinity.</summary>
    public (BigInteger Down, BigInteger Up) Neighbours(BigInteger scaled)
    {
        BigInteger quantum = BigInteger.One << (QuantumExponent(scaled) + ExactSum.FractionBits);
        BigInteger down = FloorDiv(scaled, quantum) * quantum;
        BigInteger up = down == scaled ? down : down + quantum;
        return (Clamp(down), Clamp(up));
    }

    /// <summary>Round to nearest, ties to even; ±<see cref="Beyond"/> for an overflow to ±infinity.</summary>
    public BigInteger RoundNearest(BigInteger scaled)
    {
        int q = QuantumExponent(scaled) + ExactSum.FractionBits;
        BigInteger quantum = BigInteger.One << q;
        BigInteger down = FloorDiv(scaled, quantum);
        BigInteger remainder = scaled - (down * quantum);
        BigInteger twice = remainder * 2;
        bool up = twice > quantum || (twice == quantum && !down.IsEven);
        return Clamp((up ? down + 1 : down) * quantum);
    }

    /// <summary>A double that holds a number of this format (or ±infinity for ±<see cref="Beyond"/>), scaled.</summary>
    public static BigInteger Scale(double value)
    {
        if (double.IsInfinity(value))
        {
            throw new ArgumentException("scale infinities through Beyond", nameof(value));
        }

        var sum = new ExactSum();
        sum.Add(value);
        return sum.Scaled();
    }

    /// <summary>The exact value as the nearest double (±infinity beyond the double range); for messages.</summary>
    public static double ToDouble(BigInteger scaled)
    {
        long bits = BigInteger.Abs(scaled).GetBitLength();
        int drop = (int)Math.Max(0, bits - 64);
        return Math.ScaleB((double)(scaled >> drop), drop - ExactSum.FractionBits);
    }

    private BigInteger Clamp(BigInteger value) =>
        BigInteger.Abs(value) >= Beyond ? value.Sign * Beyond : value;

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return r.Sign < 0 ? q - 1 : q;
    }
}
