using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Kernels;

namespace TfOps;

/// <summary>
/// TensorFlow's <c>BiasAddGrad</c>: sums <c>out_backprop</c> over every axis except the channel axis
/// (last for NHWC, axis 1 for NCHW), giving one value per channel.
/// </summary>
public static partial class BiasAddGrad
{
    /// <summary>
    /// Computes the bias gradient of <paramref name="outBackprop"/> (shape <paramref name="shape"/>)
    /// into <paramref name="output"/>, which holds exactly C elements.
    /// </summary>
    /// <typeparam name="T">float, double, Half, BFloat16, Complex64, System.Numerics.Complex, sbyte,
    /// byte, short, ushort, int, uint, long or ulong (quantized dtypes go through the raw-bytes overload).</typeparam>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute<T>(ReadOnlySpan<T> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<T> output)
        where T : unmanaged =>
        Compute(outBackprop, shape, format, output, options: null);

    /// <summary>As <see cref="Compute{T}(ReadOnlySpan{T}, ReadOnlySpan{long}, DataFormat, Span{T})"/>, with per-call options.</summary>
    public static void Compute<T>(ReadOnlySpan<T> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<T> output, KernelOptions? options)
        where T : unmanaged
    {
        if (!TfDataTypes.TryFromElementType<T>(out _))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(typeof(T).FullName ?? typeof(T).Name));
        }

        var geometry = BiasGradGeometry.FromShape(shape, format);
        CheckLengths(outBackprop.Length, output.Length, geometry, shape);
        Dispatch(outBackprop, geometry, output, MaxThreads(options));
    }

    /// <summary>
    /// Computes the bias gradient from raw little-endian bytes of any of the op's 19 dtypes, the
    /// quantized ones included (summed as their storage integers, with wrap-around).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute(TfDataType dtype, ReadOnlySpan<byte> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output) =>
        Compute(dtype, outBackprop, shape, format, output, options: null);

    /// <summary>As <see cref="Compute(TfDataType, ReadOnlySpan{byte}, ReadOnlySpan{long}, DataFormat, Span{byte})"/>, with per-call options.</summary>
    public static void Compute(TfDataType dtype, ReadOnlySpan<byte> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output, KernelOptions? options)
    {
        if (!TfDataTypes.IsBiasAddGradType(dtype))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }

        var geometry = BiasGradGeometry.FromShape(shape, format);
        int size = TfDataTypes.ElementSize(dtype);
        CheckByteLengths(outBackprop.Length, output.Length, size, geometry, shape);
        switch (dtype)
        {
            case TfDataType.Float: DispatchBytes<float>(outBackprop, geometry, output, options); break;
            case TfDataType.Double: DispatchBytes<double>(outBackprop, geometry, output, options); break;
            case TfDataType.Half: DispatchBytes<Half>(outBackprop, geometry, output, options); break;
            case TfDataType.BFloat16: DispatchBytes<BFloat16>(outBackprop, geometry, output, options); break;
            case TfDataType.Complex64: DispatchBytes<Complex64>(outBackprop, geometry, output, options); break;
            case TfDataType.Complex128: DispatchBytes<Complex>(outBackprop, geometry, output, options); break;
            case TfDataType.Int8 or TfDataType.QInt8: DispatchBytes<sbyte>(outBackprop, geometry, output, options); break;
            case TfDataType.UInt8 or TfDataType.QUInt8: DispatchBytes<byte>(outBackprop, geometry, output, options); break;
            case TfDataType.Int16 or TfDataType.QInt16: DispatchBytes<short>(outBackprop, geometry, output, options); break;
            case TfDataType.UInt16 or TfDataType.QUInt16: DispatchBytes<ushort>(outBackprop, geometry, output, options); break;
            case TfDataType.Int32 or TfDataType.QInt32: DispatchBytes<int>(outBackprop, geometry, output, options); break;
            case TfDataType.UInt32: DispatchBytes<uint>(outBackprop, geometry, output, options); break;
            case TfDataType.Int64: DispatchBytes<long>(outBackprop, geometry, output, options); break;
            case TfDataType.UInt64: DispatchBytes<ulong>(outBackprop, geometry, output, options); break;
            default: throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }
    }

    private static void DispatchBytes<T>(ReadOnlySpan<byte> input, BiasGradGeometry geometry, Span<byte> output, KernelOptions? options)
        where T : unmanaged =>
        Dispatch(MemoryMarshal.Cast<byte, T>(input), geometry, MemoryMarshal.Cast<byte, T>(output), MaxThreads(options));

    private static int MaxThreads(KernelOptions? options) => options?.EffectiveMaxThreads ?? KernelOptions.DefaultMaxThreads;

    // One dtype switch, folded away by the JIT for each T. Complex types run as two float (double)
    // lanes per element, so they share the real kernels and their summation order.
    private static void Dispatch<T>(ReadOnlySpan<T> input, BiasGradGeometry geometry, Span<T> output, int threads)
        where T : unmanaged
    {
        if ((typeof(T) == typeof(Complex64) || typeof(T) == typeof(Complex)) && geometry.Elements > int.MaxValue / 2)
        {
            // Complex runs as two lanes per element, and lane counts are ints.
            throw TfOpsException.InvalidArgument($"complex tensors above {int.MaxValue / 2} elements are not supported (got {geometry.Elements})");
        }

        if (typeof(T) == typeof(float)) Run<float, float, SelfAccumulator<float>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(double)) Run<double, double, SelfAccumulator<double>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(Half)) Run<Half, float, HalfAccumulator, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(BFloat16)) Run<BFloat16, float, BFloat16Accumulator, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(Complex64)) Run<float, float, SelfAccumulator<float>, T>(input, geometry, 2, output, threads);
        else if (typeof(T) == typeof(Complex)) Run<double, double, SelfAccumulator<double>, T>(input, geometry, 2, output, threads);
        else if (typeof(T) == typeof(sbyte)) Run<sbyte, sbyte, SelfAccumulator<sbyte>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(byte)) Run<byte, byte, SelfAccumulator<byte>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(short)) Run<short, short, SelfAccumulator<short>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(ushort)) Run<ushort, ushort, SelfAccumulator<ushort>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(int)) Run<int, int, SelfAccumulator<int>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(uint)) Run<uint, uint, SelfAccumulator<uint>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(long)) Run<long, long, SelfAccumulator<long>, T>(input, geometry, 1, output, threads);
        else if (typeof(T) == typeof(ulong)) Run<ulong, ulong, SelfAccumulator<ulong>, T>(input, geometry, 1, output, threads);
        else throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(typeof(T).FullName ?? typeof(T).Name));
    }

    // T is TStore (or, for complex, a pair of TStore lanes) by the dispatch above: the spans are reinterpreted, never converted.
    private static void Run<TStore, TAcc, TOp, T>(ReadOnlySpan<T> input, BiasGradGeometry geometry, int components, Span<T> output, int threads)
        where T : unmanaged
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc> =>
        BiasGradKernel.Run<TStore, TAcc, TOp>(
            MemoryMarshal.Cast<T, TStore>(input), geometry.Outer, geometry.Channels, geometry.Inner, components,
            MemoryMarshal.Cast<T, TStore>(output), threads);

    private static void CheckLengths(int inputLength, int outputLength, BiasGradGeometry geometry, ReadOnlySpan<long> shape)
    {
        if (inputLength != geometry.Elements)
        {
            throw TfOpsException.InvalidArgument(
                $"outBackprop holds {inputLength} elements but shape {BiasGradGeometry.Format(shape)} needs {geometry.Elements}");
        }

        if (outputLength != geometry.Channels)
        {
            throw TfOpsException.InvalidArgument(
                $"output holds {outputLength} elements but shape {BiasGradGeometry.Format(shape)} has {geometry.Channels} channels");
        }
    }

    private static void CheckByteLengths(int inputBytes, int outputBytes, int elementSize, BiasGradGeometry geometry, ReadOnlySpan<long> shape)
    {
        long needIn = (long)geometry.Elements * elementSize, needOut = (long)geometry.Channels * elementSize;
        if (inputBytes != needIn)
        {
            throw TfOpsException.InvalidArgument(
                $"outBackprop holds {inputBytes} bytes but shape {BiasGradGeometry.Format(shape)} needs {needIn}");
        }

        if (outputBytes != needOut)
        {
            throw TfOpsException.InvalidArgument(
                $"output holds {outputBytes} bytes but shape {BiasGradGeometry.Format(shape)} needs {needOut} ({geometry.Channels} channels)");
        }
    }
}
