using System.Buffers.Binary;

namespace TfOps.Native.Tests;

/// <summary>Inputs for every dtype and the result of the direct kernel call to compare against.</summary>
internal static class TestTensors
{
    /// <summary>
    /// Random values of <paramref name="dtype"/> as little-endian bytes: small real numbers for the
    /// floating types (so sums are meaningful), arbitrary bits for the integer types (wrap-around included).
    /// </summary>
    public static byte[] Random(TfDataType dtype, long[] shape, int seed)
    {
        long count = shape.Aggregate(1L, (n, d) => n * d);
        int size = TfDataTypes.ElementSize(dtype);
        byte[] bytes = new byte[count * size];
        var random = new Random(seed);
        switch (dtype)
        {
            case TfDataType.Float or TfDataType.Complex64:
                for (int i = 0; i < bytes.Length; i += 4)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i), (float)(random.NextDouble() * 8 - 4));
                }

                break;
            case TfDataType.Double or TfDataType.Complex128:
                for (int i = 0; i < bytes.Length; i += 8)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i), random.NextDouble() * 8 - 4);
                }

                break;
            case TfDataType.Half:
                for (int i = 0; i < bytes.Length; i += 2)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i), (Half)(random.NextDouble() * 8 - 4));
                }

                break;
            case TfDataType.BFloat16:
                for (int i = 0; i < bytes.Length; i += 2)
                {
                    // bfloat16 is the upper half of a float32.
                    uint bits = BitConverter.SingleToUInt32Bits((float)(random.NextDouble() * 8 - 4));
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i), (ushort)(bits >> 16));
                }

                break;
            default:
                random.NextBytes(bytes);
                break;
        }

        return bytes;
    }

    /// <summary>The channel count the op produces: last axis for NHWC, axis 1 for NCHW.</summary>
    public static long Channels(long[] shape, DataFormat format) => shape[format == DataFormat.NHWC ? shape.Length - 1 : 1];

    /// <summary>The direct kernel call on the same bytes: the reference the plugin must reproduce bit for bit.</summary>
    public static byte[] Direct(TfDataType dtype, long[] shape, DataFormat format, byte[] input)
    {
        byte[] output = new byte[Channels(shape, format) * TfDataTypes.ElementSize(dtype)];
        BiasAddGrad.Compute(dtype, input, shape, format, output);
        return output;
    }
}
