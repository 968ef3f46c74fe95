using System.Numerics;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// The exact sum of finite doubles (so of every float32, float16 and bfloat16 too), written for the
/// tests and independent of the kernel: a fixed-point superaccumulator of 32-bit limbs held in longs,
/// whose value is <c>Σ limbs[k] * 2^(32k - 1074)</c>. Every finite double is an integer multiple of
/// 2^-1074, so nothing is ever rounded; carries are propagated before any limb could overflow.
/// </summary>
internal sealed class ExactSum
{
    /// <summary>Bits below 2^0 that a double can reach (its smallest subnormal is 2^-1074).</summary>
    public const int FractionBits = 1074;

    // 1074 + 1024 bits for any double, plus 64 bits of growth for up to 2^63 terms.
    private const int Limbs = ((FractionBits + 1024 + 64) / 32) + 2;

    private const long NormalizeEvery = 1L << 30;

    private readonly long[] _limbs = new long[Limbs];
    private long _sinceNormalize;

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"exact sums take finite values only, got {value}", nameof(value));
        }

        if (value == 0)
        {
            return;
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = (ulong)bits & 0xF_FFFF_FFFF_FFFFUL;
        int offset;
        if (biased == 0)
        {
            offset = 0; // subnormal: mantissa * 2^-1074
        }
        else
        {
            mantissa |= 1UL << 52;
            offset = biased - 1;  // value = mantissa * 2^(biased - 1075) = mantissa * 2^(offset - 1074)
        }

        UInt128 shifted = (UInt128)mantissa << (offset % 32);
        int k = offset / 32;
        long sign = value < 0 ? -1 : 1;
        _limbs[k] += sign * (long)(uint)shifted;
        _limbs[k + 1] += sign * (long)(uint)(shifted >> 32);
        _limbs[k + 2] += sign * (long)(uint)(shifted >> 64);
        if (++_sinceNormalize == NormalizeEvery)
        {
            Normalize();
        }
    }

    /// <summary>The sum times 2^1074, exactly.</summary>
    public BigInteger Scaled()
    {
        Normalize();
        BigInteger total = BigInteger.Zero;
        for (int k = Limbs - 1; k >= 0; k--)
        {
            total = (total << 32) + _limbs[k];
        }

        return total;
    }

    /// <summary>Keeps every limb but the top one in [0, 2^32) (the top one carries the sign).</summary>
    private void Normalize()
    {
        for (int k = 0; k < Limbs - 1; k++)
        {
            long carry = _limbs[k] >> 32; // floor division: the remainder left is in [0, 2^32)
            _limbs[k] -= carry << 32;
            _limbs[k + 1] += carry;
        }

        _sinceNormalize = 0;
    }
}
