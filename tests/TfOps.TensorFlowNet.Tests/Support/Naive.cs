using System.Buffers.Binary;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>
/// Independent expectations, written without the kernel: the channel of every element by its index,
/// sums in double (exact for TestData's whole numbers) or in 64-bit wrap-around integers truncated to
/// the element width (the same result modulo 2^bits).
/// </summary>
internal static class Naive
{
    public static long ChannelOf(long flat, long[] dims, DataFormat format)
    {
        if (format == DataFormat.NHWC)
        {
            return flat % dims[^1];
        }

        long inner = dims.Skip(2).Aggregate(1L, (a, b) => a * b);
        return flat / inner % dims[1];
    }

    public static long Channels(long[] dims, DataFormat format) => format == DataFormat.NHWC ? dims[^1] : dims[1];

    public static byte[] BiasGrad(TfDataType dtype, byte[] input, long[] dims, DataFormat format)
    {
        int size = TfDataTypes.ElementSize(dtype);
        long channels = Channels(dims, format);
        long count = input.Length / size;
        var output = new byte[channels * size];
        if (TestData.IsFloating(dtype))
        {
            int parts = TestData.IsComplex(dtype) ? 2 : 1;
            int partSize = size / parts;
            var sums = new double[channels * parts];
            for (long i = 0; i < count; i++)
            {
                long c = ChannelOf(i, dims, format);
                for (int p = 0; p < parts; p++)
                {
                    sums[c * parts + p] += TestData.ReadReal(dtype, input.AsSpan((int)(i * size + p * partSize), partSize));
                }
            }

            for (long j = 0; j < sums.Length; j++)
            {
                TestData.WriteWhole(dtype, output.AsSpan((int)(j * partSize), partSize), sums[j]);
            }

            return output;
        }

        var wrapped = new ulong[channels];
        bool signed = IsSigned(dtype);
        for (long i = 0; i < count; i++)
        {
            wrapped[ChannelOf(i, dims, format)] += ReadInteger(input.AsSpan((int)(i * size), size), signed);
        }

        for (long c = 0; c < channels; c++)
        {
            BitConverter.GetBytes(wrapped[c]).AsSpan(0, size).CopyTo(output.AsSpan((int)(c * size), size));
        }

        return output;
    }

    public static byte[] Broadcast(TfDataType dtype, byte[] gradient, long[] dims, DataFormat format)
    {
        int size = TfDataTypes.ElementSize(dtype);
        long count = dims.Aggregate(1L, (a, b) => a * b);
        var output = new byte[count * size];
        for (long i = 0; i < count; i++)
        {
            gradient.AsSpan((int)(ChannelOf(i, dims, format) * size), size).CopyTo(output.AsSpan((int)(i * size), size));
        }

        return output;
    }

    /// <summary>value[i] + bias[channel of i]: exact for TestData's whole numbers, wrap-around for integers.</summary>
    public static byte[] BiasAdd(TfDataType dtype, byte[] value, byte[] bias, long[] dims, DataFormat format)
    {
        int size = TfDataTypes.ElementSize(dtype);
        long count = value.Length / size;
        var output = (byte[])value.Clone();
        int parts = TestData.IsComplex(dtype) ? 2 : 1;
        int partSize = size / parts;
        bool signed = IsSigned(dtype);
        for (long i = 0; i < count; i++)
        {
            long c = ChannelOf(i, dims, format);
            if (!TestData.IsFloating(dtype))
            {
                ulong sum = ReadInteger(value.AsSpan((int)(i * size), size), signed) + ReadInteger(bias.AsSpan((int)(c * size), size), signed);
                BitConverter.GetBytes(sum).AsSpan(0, size).CopyTo(output.AsSpan((int)(i * size), size));
                continue;
            }

            for (int p = 0; p < parts; p++)
            {
                double sum = TestData.ReadReal(dtype, value.AsSpan((int)(i * size + p * partSize), partSize))
                    + TestData.ReadReal(dtype, bias.AsSpan((int)(c * size + p * partSize), partSize));
                TestData.WriteWhole(dtype, output.AsSpan((int)(i * size + p * partSize), partSize), sum);
            }
        }

        return output;
    }

    private static bool IsSigned(TfDataType dtype) =>
        dtype is TfDataType.Int8 or TfDataType.QInt8 or TfDataType.Int16 or TfDataType.QInt16 or TfDataType.Int32 or TfDataType.QInt32 or TfDataType.Int64;

    private static ulong ReadInteger(ReadOnlySpan<byte> bytes, bool signed) => bytes.Length switch
    {
        1 => signed ? (ulong)(long)(sbyte)bytes[0] : bytes[0],
        2 => signed ? (ulong)(long)BinaryPrimitives.ReadInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => signed ? (ulong)(long)BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };
}
