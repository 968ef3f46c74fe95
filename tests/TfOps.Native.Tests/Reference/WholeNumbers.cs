using System.Buffers.Binary;
using System.Numerics;

namespace TfOps.Native.Tests.Reference;

/// <summary>
/// Small whole numbers in any dtype, and their channel sums from a naive loop. Sums of these are exact
/// in every accumulator TensorFlow uses (|partial sums| stay far below 256, bfloat16's limit), so
/// TensorFlow's result is the exact sum whatever order it adds in: an independent expectation.
/// </summary>
internal static class WholeNumbers
{
    public static (byte[] Input, byte[] Expected) Make(TfDataType dtype, long[] shape, DataFormat format, int seed)
    {
        var random = new Random(seed);
        long count = shape.Aggregate(1L, (n, d) => n * d);
        int axis = format == DataFormat.NHWC ? shape.Length - 1 : 1;
        long channels = shape[axis];
        long inner = 1;
        for (int i = axis + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        bool complex = dtype is TfDataType.Complex64 or TfDataType.Complex128;
        int components = complex ? 2 : 1;
        var values = new long[count * components];
        var sums = new long[channels * components];
        for (long i = 0; i < count; i++)
        {
            long channel = i / inner % channels;
            for (int k = 0; k < components; k++)
            {
                long value = random.Next(-4, 5);
                if (dtype is TfDataType.UInt8 or TfDataType.UInt16 or TfDataType.UInt32 or TfDataType.UInt64 or TfDataType.QUInt8 or TfDataType.QUInt16)
                {
                    value = Math.Abs(value);
                }

                values[(i * components) + k] = value;
                sums[(channel * components) + k] += value;
            }
        }

        return (Encode(dtype, values), Encode(dtype, sums));
    }

    /// <summary>Whole numbers stored as <paramref name="dtype"/> (complex: real and imaginary interleaved).</summary>
    public static byte[] Encode(TfDataType dtype, long[] values)
    {
        int size = TfDataTypes.ElementSize(dtype);
        bool complex = dtype is TfDataType.Complex64 or TfDataType.Complex128;
        int step = complex ? size / 2 : size;
        byte[] bytes = new byte[values.Length * step];
        for (int i = 0; i < values.Length; i++)
        {
            Span<byte> at = bytes.AsSpan(i * step, step);
            long v = values[i];
            switch (dtype)
            {
                case TfDataType.Float or TfDataType.Complex64: BinaryPrimitives.WriteSingleLittleEndian(at, v); break;
                case TfDataType.Double or TfDataType.Complex128: BinaryPrimitives.WriteDoubleLittleEndian(at, v); break;
                case TfDataType.Half: BinaryPrimitives.WriteHalfLittleEndian(at, (Half)v); break;
                case TfDataType.BFloat16: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BitConverter.SingleToUInt32Bits(v) >> 16)); break;
                default: WriteInteger(at, v); break;
            }
        }

        return bytes;
    }

    // Two's complement truncated to the width: what a wrap-around integer sum stores.
    private static void WriteInteger(Span<byte> at, long value)
    {
        Span<byte> full = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(full, value);
        full[..at.Length].CopyTo(at);
    }

    /// <summary>The exact sum of integers modulo 2^bits, from BigInteger arithmetic.</summary>
    public static long Wrap(BigInteger sum, int bytes, bool signed)
    {
        BigInteger modulus = BigInteger.One << (8 * bytes);
        BigInteger r = ((sum % modulus) + modulus) % modulus;
        if (signed && r >= modulus / 2)
        {
            r -= modulus;
        }

        return (long)r;
    }
}
