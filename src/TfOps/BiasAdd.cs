using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Kernels;

namespace TfOps;

/// <summary>
/// TensorFlow's <c>BiasAdd</c> (forward): adds a <c>[C]</c> bias along the channel axis (last for
/// NHWC, axis 1 for NCHW). The TensorFlow.NET integration needs it next to the gradient.
/// </summary>
public static class BiasAdd
{
    /// <summary>Computes <c>output = value + bias</c> broadcast along the channel axis.</summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute<T>(ReadOnlySpan<T> value, ReadOnlySpan<long> shape, ReadOnlySpan<T> bias, DataFormat format, Span<T> output)
        where T : unmanaged
    {
        if (!TfDataTypes.TryFromElementType<T>(out var dtype))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(typeof(T).FullName ?? typeof(T).Name));
        }

        Compute(dtype, MemoryMarshal.AsBytes(value), shape, MemoryMarshal.AsBytes(bias), format, MemoryMarshal.AsBytes(output));
    }

    /// <summary>Computes <c>output = value + bias</c> from raw little-endian bytes of any of the op's dtypes.</summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute(TfDataType dtype, ReadOnlySpan<byte> value, ReadOnlySpan<long> shape, ReadOnlySpan<byte> bias, DataFormat format, Span<byte> output)
    {
        if (!TfDataTypes.IsBiasAddGradType(dtype))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }

        var geometry = BiasGradGeometry.FromShape(shape, format);
        int size = TfDataTypes.ElementSize(dtype);
        if (bias.Length != (long)geometry.Channels * size)
        {
            throw TfOpsException.InvalidArgument(
                BiasCountMessage([bias.Length / size], shape));
        }

        if (value.Length != (long)geometry.Elements * size || output.Length != value.Length)
        {
            throw TfOpsException.InvalidArgument(
                $"value holds {value.Length} bytes and output {output.Length} bytes but shape {BiasGradGeometry.Format(shape)} needs {(long)geometry.Elements * size}");
        }

        switch (dtype)
        {
            case TfDataType.Float: Add<float, float, SelfAccumulator<float>>(value, bias, geometry, output); break;
            case TfDataType.Double: Add<double, double, SelfAccumulator<double>>(value, bias, geometry, output); break;
            case TfDataType.Half: Add<Half, float, HalfAccumulator>(value, bias, geometry, output); break;
            case TfDataType.BFloat16: Add<BFloat16, float, BFloat16Accumulator>(value, bias, geometry, output); break;
            case TfDataType.Complex64: Add<Complex64, Complex64, Complex64Accumulator>(value, bias, geometry, output); break;
            case TfDataType.Complex128: Add<Complex, Complex, Complex128Accumulator>(value, bias, geometry, output); break;
            case TfDataType.Int8 or TfDataType.QInt8: Add<sbyte, sbyte, SelfAccumulator<sbyte>>(value, bias, geometry, output); break;
            case TfDataType.UInt8 or TfDataType.QUInt8: Add<byte, byte, SelfAccumulator<byte>>(value, bias, geometry, output); break;
            case TfDataType.Int16 or TfDataType.QInt16: Add<short, short, SelfAccumulator<short>>(value, bias, geometry, output); break;
            case TfDataType.UInt16 or TfDataType.QUInt16: Add<ushort, ushort, SelfAccumulator<ushort>>(value, bias, geometry, output); break;
            case TfDataType.Int32 or TfDataType.QInt32: Add<int, int, SelfAccumulator<int>>(value, bias, geometry, output); break;
            case TfDataType.UInt32: Add<uint, uint, SelfAccumulator<uint>>(value, bias, geometry, output); break;
            case TfDataType.Int64: Add<long, long, SelfAccumulator<long>>(value, bias, geometry, output); break;
            default: Add<ulong, ulong, SelfAccumulator<ulong>>(value, bias, geometry, output); break;
        }
    }

    /// <summary>
    /// As <see cref="Compute{T}(ReadOnlySpan{T}, ReadOnlySpan{long}, ReadOnlySpan{T}, DataFormat, Span{T})"/>,
    /// checking the bias's own shape first the way TensorFlow does (<c>Biases must be 1D: </c>).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute<T>(ReadOnlySpan<T> value, ReadOnlySpan<long> shape, ReadOnlySpan<T> bias, ReadOnlySpan<long> biasShape, DataFormat format, Span<T> output)
        where T : unmanaged
    {
        if (!TfDataTypes.TryFromElementType<T>(out _))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(typeof(T).FullName ?? typeof(T).Name));
        }

        var geometry = BiasGradGeometry.FromShape(shape, format);
        if (biasShape.Length != 1)
        {
            throw TfOpsException.InvalidArgument($"Biases must be 1D: {BiasGradGeometry.Format(biasShape)}");
        }

        if (biasShape[0] != geometry.Channels)
        {
            throw TfOpsException.InvalidArgument(BiasCountMessage(biasShape, shape));
        }

        Compute(value, shape, bias, format, output);
    }

    // TensorFlow prints the bias shape first, then the input's.
    private static string BiasCountMessage(ReadOnlySpan<long> biasShape, ReadOnlySpan<long> shape) =>
        $"Must provide as many biases as the last dimension of the input tensor: {BiasGradGeometry.Format(biasShape)} vs. {BiasGradGeometry.Format(shape)}";

    private static void Add<TStore, TAcc, TOp>(ReadOnlySpan<byte> valueBytes, ReadOnlySpan<byte> biasBytes, BiasGradGeometry geometry, Span<byte> outputBytes)
        where TStore : unmanaged
        where TAcc : unmanaged
        where TOp : IAccumulator<TStore, TAcc>
    {
        var value = MemoryMarshal.Cast<byte, TStore>(valueBytes);
        var bias = MemoryMarshal.Cast<byte, TStore>(biasBytes);
        var output = MemoryMarshal.Cast<byte, TStore>(outputBytes);
        int index = 0;
        for (int n = 0; n < geometry.Outer; n++)
        {
            for (int c = 0; c < geometry.Channels; c++)
            {
                TAcc b = TOp.Widen(bias[c]);
                for (int i = 0; i < geometry.Inner; i++, index++)
                {
                    output[index] = TOp.Narrow(TOp.Add(TOp.Widen(value[index]), b));
                }
            }
        }
    }
}
