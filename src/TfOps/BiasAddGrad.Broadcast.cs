using System.Runtime.InteropServices;

namespace TfOps;

public static partial class BiasAddGrad
{
    /// <summary>
    /// The gradient of BiasAddGrad itself (second order): broadcasts a <c>[C]</c> gradient back to the
    /// input shape along the channel axis (TensorFlow reshapes to <c>[1,C,1,...]</c> or <c>[1,...,1,C]</c> and tiles).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument for a bad shape, format or buffer length.</exception>
    public static void Broadcast<T>(ReadOnlySpan<T> gradient, ReadOnlySpan<long> shape, DataFormat format, Span<T> output)
        where T : unmanaged
    {
        if (!TfDataTypes.TryFromElementType<T>(out var dtype))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(typeof(T).FullName ?? typeof(T).Name));
        }

        Broadcast(dtype, MemoryMarshal.AsBytes(gradient), shape, format, MemoryMarshal.AsBytes(output));
    }

    /// <summary>As <see cref="Broadcast{T}"/>, on raw little-endian bytes of any of the op's dtypes.</summary>
    public static void Broadcast(TfDataType dtype, ReadOnlySpan<byte> gradient, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output)
    {
        if (!TfDataTypes.IsBiasAddGradType(dtype))
        {
            throw TfOpsException.InvalidArgument(TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }

        var geometry = BiasGradGeometry.FromShape(shape, format);
        int size = TfDataTypes.ElementSize(dtype);
        if (gradient.Length != (long)geometry.Channels * size)
        {
            throw TfOpsException.InvalidArgument(
                $"gradient holds {gradient.Length} bytes but shape {BiasGradGeometry.Format(shape)} has {geometry.Channels} channels of {size} bytes");
        }

        if (output.Length != (long)geometry.Elements * size)
        {
            throw TfOpsException.InvalidArgument(
                $"output holds {output.Length} bytes but shape {BiasGradGeometry.Format(shape)} needs {(long)geometry.Elements * size}");
        }

        // Pure data movement: the dtype only sets the element size.
        int run = geometry.Inner * size;
        int offset = 0;
        for (int n = 0; n < geometry.Outer; n++)
        {
            for (int c = 0; c < geometry.Channels; c++)
            {
                var element = gradient.Slice(c * size, size);
                for (int i = 0; i < run; i += size, offset += size)
                {
                    element.CopyTo(output.Slice(offset, size));
                }
            }
        }
    }
}
