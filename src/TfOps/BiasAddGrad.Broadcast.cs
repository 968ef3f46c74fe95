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
            ValidationErrors.NotAllowedType(typeof(T));
        }

        Broadcast(dtype, MemoryMarshal.AsBytes(gradient), shape, format, MemoryMarshal.AsBytes(output));
    }

    /// <summary>As <see cref="Broadcast{T}"/>, on raw little-endian bytes of any of the op's dtypes.</summary>
    public static void Broadcast(TfDataType dtype, ReadOnlySpan<byte> gradient, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output)
    {
        var validated = Validate(dtype, shape, format);
        int size = validated.ElementSize;
        if (gradient.Length != validated.OutputByteCount)
        {
            ValidationErrors.BroadcastGradientBytes(gradient.Length, shape, validated.Channels, size);
        }

        if (output.Length != validated.InputByteCount)
        {
            ValidationErrors.BroadcastOutputBytes(output.Length, shape, validated.InputByteCount);
        }

        // Pure data movement: the dtype only sets the element size.
        int run = (int)validated.Inner * size;
        int offset = 0;
        for (long n = 0; n < validated.Outer; n++)
        {
            for (int c = 0; c < validated.Channels; c++)
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
