using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using TfOps.Kernels.Accumulation;

namespace TfOps.Kernels;

/// <summary>
/// The second half of the one dtype dispatch: storage type -> lane type the loops read, accumulator
/// and lanes per element. (The first half,
/// <see cref="TfDataType"/> -> storage type, is <see cref="TfDataTypes.Accept{TVisitor, TResult}"/>.)
/// The <c>typeof</c> chain folds away in each instantiation. Complex types run as two real lanes per
/// element, so they share the real kernels and their summation order.
/// </summary>
internal static class KernelDispatch
{
    /// <summary>Runs the kernel for a validated shape; the caller has checked both buffer lengths.</summary>
    public static void Run<T>(ReadOnlySpan<T> input, in BiasAddGradShape shape, Span<T> output, int threads)
        where T : unmanaged
    {
        int outer = (int)shape.Outer, channels = (int)shape.Channels, inner = (int)shape.Inner;
        if (typeof(T) == typeof(float)) Run<float, float, double, SingleAccumulator, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(double)) RunFloat64(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(Half)) Run<Half, float, double, HalfAccumulator, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(BFloat16)) Run<BFloat16, float, double, BFloat16Accumulator, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(Complex64)) Run<float, float, double, SingleAccumulator, T>(input, outer, channels, inner, 2, output, threads);
        else if (typeof(T) == typeof(Complex)) RunFloat64(input, outer, channels, inner, 2, output, threads);
        else if (typeof(T) == typeof(sbyte)) Run<sbyte, sbyte, sbyte, IntegerAccumulator<sbyte>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(byte)) Run<byte, byte, byte, IntegerAccumulator<byte>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(short)) Run<short, short, short, IntegerAccumulator<short>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(ushort)) Run<ushort, ushort, ushort, IntegerAccumulator<ushort>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(int)) Run<int, int, int, IntegerAccumulator<int>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(uint)) Run<uint, uint, uint, IntegerAccumulator<uint>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(long)) Run<long, long, long, IntegerAccumulator<long>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(ulong)) Run<ulong, ulong, ulong, IntegerAccumulator<ulong>, T>(input, outer, channels, inner, 1, output, threads);
        else ValidationErrors.NotAllowedType(typeof(T));
    }

    /// <summary>
    /// float64 lanes, plain float64 sums. A lane that came out non-finite is summed again from scaled
    /// inputs: its running sums may have left the float64 range although its sum did not (or its sum
    /// really overflows, or a term is Inf or NaN: the second pass then gives the same infinity or NaN).
    /// Only lanes that need it take the second pass's result, so the order stays fixed by the data.
    /// </summary>
    private static void RunFloat64<T>(ReadOnlySpan<T> input, int outer, int channels, int inner, int components, Span<T> output, int threads)
        where T : unmanaged
    {
        Run<double, double, double, DoubleAccumulator, T>(input, outer, channels, inner, components, output, threads);
        Span<double> lanes = MemoryMarshal.Cast<T, double>(output);

        // One row (or none) was copied (or zeroed), not summed: nothing can have overflowed.
        if ((long)outer * inner <= 1 || TensorPrimitives.IsFiniteAll<double>(lanes))
        {
            return;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(lanes.Length);
        try
        {
            Span<double> again = rented.AsSpan(0, lanes.Length);
            BiasGradKernel.Run<double, double, double, ScaledDoubleAccumulator>(
                MemoryMarshal.Cast<T, double>(input), outer, channels, inner, components, again, threads);
            for (int i = 0; i < lanes.Length; i++)
            {
                if (!double.IsFinite(lanes[i]))
                {
                    lanes[i] = again[i];
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    // T is TStore (or, for complex, a pair of TStore lanes) by the chain above: the spans are reinterpreted, never converted.
    private static void Run<TStore, TIn, TAcc, TOp, T>(ReadOnlySpan<T> input, int outer, int channels, int inner, int components, Span<T> output, int threads)
        where T : unmanaged
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc> =>
        BiasGradKernel.Run<TStore, TIn, TAcc, TOp>(
            MemoryMarshal.Cast<T, TStore>(input), outer, channels, inner, components, MemoryMarshal.Cast<T, TStore>(output), threads);
}
