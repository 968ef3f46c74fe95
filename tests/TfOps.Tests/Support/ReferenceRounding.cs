namespace TfOps.Tests.Support;

/// <summary>Independent float -> bfloat16 rounding for expectations (nearest, ties to even), via doubles.</summary>
internal static class ReferenceRounding
{
    public static ushort ToBFloat16Bits(float value)
    {
        if (float.IsNaN(value))
        {
            return 0x7FC0;
        }

        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint truncated = bits & 0xFFFF0000u;
        float down = BitConverter.UInt32BitsToSingle(truncated);
        float up = BitConverter.UInt32BitsToSingle(truncated + 0x10000u);
        double distanceDown = Math.Abs((double)value - down), distanceUp = Math.Abs((double)up - value);
        bool takeUp = distanceUp < distanceDown || (distanceUp == distanceDown && ((truncated >> 16) & 1) == 1);
        return (ushort)((takeUp ? truncated + 0x10000u : truncated) >> 16);
    }
}
