using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Kernels.Accumulation;

namespace TfOps.Kernels;

/// <summary>
/// The second half of the one dtype dispatch: storage type -> accumulator and lanes. (The first half,
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
        if (typeof(T) == typeof(float)) Run<float, float, SelfAccumulator<float>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(double)) Run<double, double, SelfAccumulator<double>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(Half)) Run<Half, float, HalfAccumulator, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(BFloat16)) Run<BFloat16, float, BFloat16Accumulator, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(Complex64)) Run<float, float, SelfAccumulator<float>, T>(input, outer, channels, inner, 2, output, threads);
        else if (typeof(T) == typeof(Complex)) Run<double, double, SelfAccumulator<double>, T>(input, outer, channels, inner, 2, output, threads);
        else if (typeof(T) == typeof(sbyte)) Run<sbyte, sbyte, SelfAccumulator<sbyte>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(byte)) Run<byte, byte, SelfAccumulator<byte>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(short)) Run<short, short, SelfAccumulator<short>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(ushort)) Run<ushort, ushort, SelfAccumulator<ushort>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(int)) Run<int, int, SelfAccumulator<int>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(uint)) Run<uint, uint, SelfAccumulator<uint>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(long)) Run<long, long, SelfAccumulator<long>, T>(input, outer, channels, inner, 1, output, threads);
        else if (typeof(T) == typeof(ulong)) Run<ulong, ulong, SelfAccumulator<ulong>, T>(input, outer, channels, inner, 1, output, threads);
        else ValidationErrors.NotAllowedType(typeof(T));
    }

    // T is TStore (or, for complex, a pair of TStore lanes) by the chain above: the spans are reinterpreted, never converted.
    private static void Run<TStore, TAcc, TOp, T>(ReadOnlySpan<T> input, int outer, int channels, int inner, int components, Span<T> output, int threads)
        where T : unmanaged
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc> =>
        BiasGradKernel.Run<TStore, TAcc, TOp>(
            MemoryMarshal.Cast<T, TStore>(input), outer, channels, inner, components, MemoryMarshal.Cast<T, TStore>(output), threads);
}
