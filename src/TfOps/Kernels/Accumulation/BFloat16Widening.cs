using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// bfloat16 to float32 for a whole run: the stored 16 bits become the upper half of a float, so
/// the conversion is exact and the vector width used cannot change any result.
/// </summary>
internal static class BFloat16Widening
{
    public static void Widen(ReadOnlySpan<BFloat16> source, Span<float> destination)
    {
        var bits = MemoryMarshal.Cast<BFloat16, ushort>(source);
        var wide = MemoryMarshal.Cast<float, uint>(destination);
        int i = 0;
        ref ushort src = ref MemoryMarshal.GetReference(bits);
        ref uint dst = ref MemoryMarshal.GetReference(wide);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<uint>.Count <= bits.Length; i += Vector512<uint>.Count)
            {
                Vector512.ShiftLeft(Vector512.WidenLower(Vector256.LoadUnsafe(ref src, (nuint)i).ToVector512Unsafe()), 16).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ushort>.Count <= bits.Length; i += Vector256<ushort>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)i));
                Vector256.ShiftLeft(lower, 16).StoreUnsafe(ref dst, (nuint)i);
                Vector256.ShiftLeft(upper, 16).StoreUnsafe(ref dst, (nuint)(i + Vector256<uint>.Count));
            }
        }

        for (; i < bits.Length; i++)
        {
            Unsafe.Add(ref MemoryMarshal.GetReference(wide), i) = (uint)bits[i] << 16;
        }
    }
}
