using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// float16 to float32 for a whole run, exact for every value (a few times faster here than
/// TensorPrimitives.ConvertToSingle): the exponent and significand bits move up 13 places and a
/// multiplication by 2^112 rebiases the exponent, which is exact for normal and subnormal numbers alike
/// (a power of two, far from the float32 range's ends); Inf and NaN keep an all-ones exponent and
/// their payload; the sign is put back last. Only exact steps, so the vector width cannot change a bit.
/// </summary>
internal static class HalfWidening
{
    private const uint Magnitude = 0x7FFF;
    private const uint Sign = 0x8000;
    private const uint InfinityShifted = 0x7C00u << 13;
    private const uint FloatExponent = 0x7F80_0000;
    private const float Rebias = 5.192296858534828e33f; // 2^112 = 2^(127 - 15)

    public static void Widen(ReadOnlySpan<Half> source, Span<float> destination)
    {
        ref ushort src = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(source));
        ref uint dst = ref Unsafe.As<float, uint>(ref MemoryMarshal.GetReference(destination));
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<uint>.Count <= source.Length; i += Vector512<uint>.Count)
            {
                var bits = Vector512.WidenLower(Vector256.LoadUnsafe(ref src, (nuint)i).ToVector512Unsafe());
                Convert(bits).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<uint>.Count <= source.Length; i += Vector256<uint>.Count)
            {
                var bits = Vector256.WidenLower(Vector128.LoadUnsafe(ref src, (nuint)i).ToVector256Unsafe());
                Convert(bits).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i < source.Length; i++)
        {
            Unsafe.Add(ref dst, i) = BitConverter.SingleToUInt32Bits((float)BitConverter.UInt16BitsToHalf(Unsafe.Add(ref src, i)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Convert(Vector512<uint> half)
    {
        var shifted = (half & Vector512.Create(Magnitude)) << 13;
        var finite = (shifted.AsSingle() * Vector512.Create(Rebias)).AsUInt32();
        var value = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(shifted, Vector512.Create(InfinityShifted)), shifted | Vector512.Create(FloatExponent), finite);
        return ((half & Vector512.Create(Sign)) << 16) | value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Convert(Vector256<uint> half)
    {
        var shifted = (half & Vector256.Create(Magnitude)) << 13;
        var finite = (shifted.AsSingle() * Vector256.Create(Rebias)).AsUInt32();
        var value = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(shifted, Vector256.Create(InfinityShifted)), shifted | Vector256.Create(FloatExponent), finite);
        return ((half & Vector256.Create(Sign)) << 16) | value;
    }
}
