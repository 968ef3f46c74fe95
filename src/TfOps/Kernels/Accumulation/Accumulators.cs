using System.Numerics;

namespace TfOps.Kernels.Accumulation;

/// <summary>Sums a type in itself (float, double, and the integers, which wrap around).</summary>
internal readonly struct SelfAccumulator<T> : IAccumulator<T, T>
    where T : unmanaged, IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
{
    public static T Zero => T.AdditiveIdentity;

    public static T Widen(T value) => value;

    public static T Add(T left, T right) => unchecked(left + right);

    public static T Narrow(T sum) => sum;

    public static void WidenSpan(ReadOnlySpan<T> source, Span<T> destination) => source.CopyTo(destination);
}

/// <summary>float16 summed in float32 and rounded once (TensorFlow's CPU kernel does the same).</summary>
internal readonly struct HalfAccumulator : IAccumulator<Half, float>
{
    public static float Zero => 0f;

    public static float Widen(Half value) => (float)value;

    public static float Add(float left, float right) => left + right;

    public static Half Narrow(float sum) => (Half)sum;

    public static void WidenSpan(ReadOnlySpan<Half> source, Span<float> destination) =>
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(source, destination);
}

/// <summary>bfloat16 summed in float32 and rounded once (TensorFlow's GPU/XLA behaviour, not its CPU kernel's).</summary>
internal readonly struct BFloat16Accumulator : IAccumulator<BFloat16, float>
{
    public static float Zero => 0f;

    public static float Widen(BFloat16 value) => value.ToSingle();

    public static float Add(float left, float right) => left + right;

    public static BFloat16 Narrow(float sum) => BFloat16.FromSingle(sum);

    public static void WidenSpan(ReadOnlySpan<BFloat16> source, Span<float> destination) =>
        BFloat16Widening.Widen(source, destination);
}

/// <summary>complex64 summed per component in float32.</summary>
internal readonly struct Complex64Accumulator : IAccumulator<Complex64, Complex64>
{
    public static Complex64 Zero => default;

    public static Complex64 Widen(Complex64 value) => value;

    public static Complex64 Add(Complex64 left, Complex64 right) =>
        new(left.Real + right.Real, left.Imaginary + right.Imaginary);

    public static Complex64 Narrow(Complex64 sum) => sum;

    public static void WidenSpan(ReadOnlySpan<Complex64> source, Span<Complex64> destination) => source.CopyTo(destination);
}

/// <summary>complex128 summed per component in float64.</summary>
internal readonly struct Complex128Accumulator : IAccumulator<Complex, Complex>
{
    public static Complex Zero => Complex.Zero;

    public static Complex Widen(Complex value) => value;

    // Component-wise on purpose: Complex's operator+ is the same, but spelling it out keeps the order visible.
    public static Complex Add(Complex left, Complex right) =>
        new(left.Real + right.Real, left.Imaginary + right.Imaginary);

    public static Complex Narrow(Complex sum) => sum;

    public static void WidenSpan(ReadOnlySpan<Complex> source, Span<Complex> destination) => source.CopyTo(destination);
}
