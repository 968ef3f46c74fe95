using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TfOps.Kernels.Accumulation;

/// <summary>Integers summed in themselves: wrap-around, exact modulo 2^bits, as TensorFlow does.</summary>
internal readonly struct IntegerAccumulator<T> : IAccumulator<T, T, T>
    where T : unmanaged, IBinaryInteger<T>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<T> source, Span<T> destination) => source.CopyTo(destination);

    public static T Narrow(T sum) => sum;

    public static void NarrowSpan(ReadOnlySpan<T> sums, Span<T> destination) => sums.CopyTo(destination);
}

/// <summary>float32 lanes (float32, complex64) summed in float64 and rounded once to float32.</summary>
internal readonly struct SingleAccumulator : IAccumulator<float, float, double>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<float> source, Span<float> destination) => source.CopyTo(destination);

    public static float Narrow(double sum) => (float)sum;

    // Vector narrowing rounds to nearest even lane by lane, exactly as the scalar cast does.
    public static void NarrowSpan(ReadOnlySpan<double> sums, Span<float> destination)
    {
        ref double source = ref MemoryMarshal.GetReference(sums);
        ref float target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= sums.Length; i += Vector512<float>.Count)
            {
                Vector512.Narrow(Vector512.LoadUnsafe(ref source, (nuint)i), Vector512.LoadUnsafe(ref source, (nuint)(i + Vector512<double>.Count)))
                    .StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < sums.Length; i++)
        {
            Unsafe.Add(ref target, i) = (float)Unsafe.Add(ref source, i);
        }
    }
}

/// <summary>
/// float64 lanes (float64, complex128) summed with plain float64 additions: the sum is the result, no
/// rounding is left. A sum that left the finite range (an Inf or NaN term, or a running sum beyond the
/// float64 range) came out as IEEE addition propagated it; <see cref="KernelDispatch"/> sums such lanes
/// again with <see cref="ScaledDoubleAccumulator"/>.
/// </summary>
/// <remarks>
/// Compensated (TwoSum) accumulation was tried first and dropped: it cost 26-50% of throughput on
/// four of the eight 50 MB+ harness shapes (issue 12's rule keeps plain float64 above a 20% cost;
/// docs/benchmarks.md). Plain chains are capped by the plans, so the error stays within
/// gamma_D * sum|x| with D the longest chain (docs/kernel.md, "Accuracy").
/// </remarks>
internal readonly struct DoubleAccumulator : IAccumulator<double, double, double>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<double> source, Span<double> destination) => source.CopyTo(destination);

    public static double Narrow(double sum) => sum;

    public static void NarrowSpan(ReadOnlySpan<double> sums, Span<double> destination) => sums.CopyTo(destination);
}

/// <summary>
/// The second pass for float64 lanes whose running sums left the float64 range: every term is scaled
/// by 2^-64 (exact, except that terms below 2^-958 lose bits, at most 2^-979 in all, which cannot
/// matter next to a sum of magnitudes beyond 2^1023), summed as <see cref="DoubleAccumulator"/> does,
/// and the sum is scaled back (exact, or the infinity that rounding it gives). Running sums of at most
/// 2^31 scaled terms stay below 2^991, so they cannot overflow.
/// </summary>
internal readonly struct ScaledDoubleAccumulator : IAccumulator<double, double, double>
{
    private const double Down = 1.0 / 18446744073709551616.0; // 2^-64
    private const double Up = 18446744073709551616.0;         // 2^64

    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<double> source, Span<double> destination) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(source, Down, destination);

    public static double Narrow(double sum) => sum * Up;

    public static void NarrowSpan(ReadOnlySpan<double> sums, Span<double> destination) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(sums, Up, destination);
}

/// <summary>float16 widened to float32 (exact), summed in float64, rounded once to float16.</summary>
internal readonly struct HalfAccumulator : IAccumulator<Half, float, double>
{
    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<Half> source, Span<float> destination) =>
        HalfWidening.Widen(source, destination);

    // .NET converts double to Half with one rounding to nearest, ties to even (no detour through float).
    public static Half Narrow(double sum) => (Half)sum;

    public static void NarrowSpan(ReadOnlySpan<double> sums, Span<Half> destination)
    {
        for (int i = 0; i < sums.Length; i++)
        {
            destination[i] = (Half)sums[i];
        }
    }
}

/// <summary>bfloat16 widened to float32 (exact), summed in float64, rounded once to bfloat16.</summary>
internal readonly struct BFloat16Accumulator : IAccumulator<BFloat16, float, double>
{
    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<BFloat16> source, Span<float> destination) =>
        BFloat16Widening.Widen(source, destination);

    public static BFloat16 Narrow(double sum) => BFloat16Rounding.FromDouble(sum);

    public static void NarrowSpan(ReadOnlySpan<double> sums, Span<BFloat16> destination)
    {
        for (int i = 0; i < sums.Length; i++)
        {
            destination[i] = BFloat16Rounding.FromDouble(sums[i]);
        }
    }
}
