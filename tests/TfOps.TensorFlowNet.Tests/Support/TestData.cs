using System.Buffers.Binary;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>
/// Input bytes per dtype. Floating types get small whole numbers, whose sums are exact in any order,
/// so an independent naive sum must match the kernel bit for bit; integer types get random bits to
/// exercise wrap-around.
/// </summary>
internal static class TestData
{
    public static IEnumerable<TfDataType> AllDtypes => TfDataTypes.BiasAddGradTypes;

    public static byte[] Values(TfDataType dtype, long count, int seed)
    {
        var random = new Random(seed);
        int size = TfDataTypes.ElementSize(dtype);
        var bytes = new byte[count * size];
        if (!IsFloating(dtype))
        {
            random.NextBytes(bytes);
            return bytes;
        }

        int parts = IsComplex(dtype) ? 2 : 1;
        int partSize = size / parts;
        for (long i = 0; i < count * parts; i++)
        {
            WriteWhole(dtype, bytes.AsSpan((int)(i * partSize), partSize), random.Next(-4, 5));
        }

        return bytes;
    }

    public static bool IsFloating(TfDataType dtype) =>
        dtype is TfDataType.Float or TfDataType.Double or TfDataType.Half or TfDataType.BFloat16
            or TfDataType.Complex64 or TfDataType.Complex128;

    public static bool IsComplex(TfDataType dtype) => dtype is TfDataType.Complex64 or TfDataType.Complex128;

    /// <summary>Reads one real component (or a whole real element) as a double.</summary>
    public static double ReadReal(TfDataType dtype, ReadOnlySpan<byte> part) => dtype switch
    {
        TfDataType.Float or TfDataType.Complex64 => BinaryPrimitives.ReadSingleLittleEndian(part),
        TfDataType.Double or TfDataType.Complex128 => BinaryPrimitives.ReadDoubleLittleEndian(part),
        TfDataType.Half => (double)BinaryPrimitives.ReadHalfLittleEndian(part),
        TfDataType.BFloat16 => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(part) << 16),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    /// <summary>Writes a whole number exactly (bfloat16 by truncating float bits, exact for small integers).</summary>
    public static void WriteWhole(TfDataType dtype, Span<byte> part, double value)
    {
        switch (dtype)
        {
            case TfDataType.Float or TfDataType.Complex64: BinaryPrimitives.WriteSingleLittleEndian(part, (float)value); break;
            case TfDataType.Double or TfDataType.Complex128: BinaryPrimitives.WriteDoubleLittleEndian(part, value); break;
            case TfDataType.Half: BinaryPrimitives.WriteHalfLittleEndian(part, (Half)value); break;
            case TfDataType.BFloat16: BinaryPrimitives.WriteUInt16LittleEndian(part, (ushort)(BitConverter.SingleToUInt32Bits((float)value) >> 16)); break;
            default: throw new ArgumentOutOfRangeException(nameof(dtype));
        }
    }
}
