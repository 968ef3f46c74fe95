using TfOps.Kernels.Accumulation;

namespace TfOps.Tests;

/// <summary>
/// The kernels' 16-bit widening loops against .NET's own conversions for every one of the 65536 bit
/// patterns, at an odd length so the vector loops and the scalar tail both run: float16 -> float32 and
/// bfloat16 -> float32 are exact, so every value must match (NaN by NaN-ness).
/// </summary>
public class WideningTests
{
    [Test]
    public void Float16WidensExactly()
    {
        var source = Enumerable.Range(0, 65536).Append(0x3C00).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).ToArray();
        var widened = new float[source.Length];
        HalfWidening.Widen(source, widened);
        for (int i = 0; i < source.Length; i++)
        {
            float expected = (float)source[i];
            Assert.That(float.IsNaN(widened[i]) ? float.IsNaN(expected) : BitConverter.SingleToUInt32Bits(widened[i]) == BitConverter.SingleToUInt32Bits(expected), Is.True, $"bits 0x{i:X4}: got {widened[i]}, expected {expected}");
        }
    }

    [Test]
    public void BFloat16WidensExactly()
    {
        var source = Enumerable.Range(0, 65536).Append(0x3F80).Select(b => BFloat16.FromBits((ushort)b)).ToArray();
        var widened = new float[source.Length];
        BFloat16Widening.Widen(source, widened);
        for (int i = 0; i < source.Length; i++)
        {
            Assert.That(BitConverter.SingleToUInt32Bits(widened[i]), Is.EqualTo((uint)source[i].RawValue << 16), $"bits 0x{source[i].RawValue:X4}");
        }
    }
}
