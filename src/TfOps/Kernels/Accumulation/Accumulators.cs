using System.Numerics;

namespace TfOps.Kernels.Accumulation;

/// <summary>Integers summed in themselves: wrap-around, exact modulo 2^bits, as TensorFlow does.</summary>
internal readonly struct IntegerAccumulator<T> : IAccumulator<T, T, T>
    where T : unmanaged, IBinaryInteger<T>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<T> source, Span<T> destination) => source.CopyTo(destination);

    public static T Narrow(T hi, T lo) => hi;
}

/// <summary>float32 lanes (float32, complex64) summed in float64 and rounded once to float32.</summary>
internal readonly struct SingleAccumulator : IAccumulator<float, float, double>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<float> source, Span<float> destination) => source.CopyTo(destination);

    public static float Narrow(double hi, double lo) => (float)hi;
}

/// <summary>
/// float64 lanes (float64, complex128) summed with compensation and rounded once: <c>hi + lo</c>. A
/// sum that left the finite range (an Inf or NaN term, or a running sum beyond the float64 range) is
/// <c>hi</c> itself, which propagated exactly as IEEE addition does (the error terms are NaN then);
/// <see cref="KernelDispatch"/> sums such lanes again with <see cref="ScaledDoubleAccumulator"/>.
/// </summary>
internal readonly struct DoubleAccumulator : IAccumulator<double, double, double>
{
    public static bool Widens => false;

    public static void WidenSpan(ReadOnlySpan<double> source, Span<double> destination) => source.CopyTo(destination);

    public static double Narrow(double hi, double lo) => double.IsFinite(hi) ? hi + lo : hi;
}

/// <summary>
/// The second pass for float64 lanes whose running sums left the float64 range: every term is scaled
/// by 2^-64 (exact, except that terms below 2^-958 lose bits, which cannot matter next to a sum of
/// magnitudes beyond 2^1024), summed as <see cref="DoubleAccumulator"/> does, and the rounded result is
/// scaled back (exact, or the infinity that rounding the true sum gives). Running sums of at most
/// 2^31 scaled terms stay below 2^991, so they cannot overflow.
/// </summary>
internal readonly struct ScaledDoubleAccumulator : IAccumulator<double, double, double>
{
    private const double Down = 1.0 / 18446744073709551616.0; // 2^-64
    private const double Up = 18446744073709551616.0;         // 2^64

    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<double> source, Span<double> destination) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(source, Down, destination);

    public static double Narrow(double hi, double lo) => (double.IsFinite(hi) ? hi + lo : hi) * Up;
}

/// <summary>float16 widened to float32 (exact), summed in float64, rounded once to float16.</summary>
internal readonly struct HalfAccumulator : IAccumulator<Half, float, double>
{
    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<Half> source, Span<float> destination) =>
        HalfWidening.Widen(source, destination);

    // .NET converts double to Half with one rounding to nearest, ties to even (no detour through float).
    public static Half Narrow(double hi, double lo) => (Half)hi;
}

/// <summary>bfloat16 widened to float32 (exact), summed in float64, rounded once to bfloat16.</summary>
internal readonly struct BFloat16Accumulator : IAccumulator<BFloat16, float, double>
{
    public static bool Widens => true;

    public static void WidenSpan(ReadOnlySpan<BFloat16> source, Span<float> destination) =>
        BFloat16Widening.Widen(source, destination);

    public static BFloat16 Narrow(double hi, double lo) => BFloat16Rounding.FromDouble(hi);
}
