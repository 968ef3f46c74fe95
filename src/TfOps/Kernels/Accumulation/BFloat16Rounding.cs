namespace TfOps.Kernels.Accumulation;

/// <summary>
/// float64 to bfloat16 with a single rounding to nearest, ties to even. Rounding to float32 first
/// and then to bfloat16 would round twice (a float64 just above a bfloat16 midpoint can become the
/// midpoint in float32 and then tie to even the wrong way), so the first step rounds to odd instead:
/// float32 keeps 16 more bits than bfloat16, and a sticky last bit makes the second rounding exact.
/// </summary>
internal static class BFloat16Rounding
{
    public static BFloat16 FromDouble(double value)
    {
        float nearest = (float)value;
        if ((double)nearest == value || double.IsNaN(value))
        {
            return BFloat16.FromSingle(nearest);
        }

        // Inexact: take the float32 neighbour toward zero (the truncation), then set its last bit.
        uint bits = BitConverter.SingleToUInt32Bits(nearest);
        if (Math.Abs((double)nearest) > Math.Abs(value))
        {
            bits--;
        }

        return BFloat16.FromSingle(BitConverter.UInt32BitsToSingle(bits | 1));
    }
}
