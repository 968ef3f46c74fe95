// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Numerics;

namespace Tensorflow.StandIn;

/// <summary>Stand-in only: dtype facts the managed behaviour needs.</summary>
public static class DTypes
{
    /// <summary>Reference dtypes (100 higher) to their base dtype.</summary>
    public static TF_DataType Base(TF_DataType dtype) => (int)dtype > 100 ? dtype - 100 : dtype;

    public static int ElementSize(TF_DataType dtype) => Base(dtype) switch
    {
        TF_DataType.TF_INT8 or TF_DataType.TF_UINT8 or TF_DataType.TF_QINT8 or TF_DataType.TF_QUINT8 or TF_DataType.TF_BOOL => 1,
        TF_DataType.TF_INT16 or TF_DataType.TF_UINT16 or TF_DataType.TF_QINT16 or TF_DataType.TF_QUINT16
            or TF_DataType.TF_HALF or TF_DataType.TF_BFLOAT16 => 2,
        TF_DataType.TF_FLOAT or TF_DataType.TF_INT32 or TF_DataType.TF_UINT32 or TF_DataType.TF_QINT32 => 4,
        TF_DataType.TF_DOUBLE or TF_DataType.TF_INT64 or TF_DataType.TF_UINT64 or TF_DataType.TF_COMPLEX64 => 8,
        TF_DataType.TF_COMPLEX128 => 16,
        _ => throw new NotSupportedException($"stand-in: dtype {dtype} has no fixed element size"),
    };

    public static long ElementCount(Shape shape)
    {
        long count = 1;
        foreach (long d in shape.dims)
        {
            if (d < 0)
            {
                throw new InvalidArgumentError($"shape {shape} is not fully defined");
            }

            count = checked(count * d);
        }

        return count;
    }

    public static bool TryFromElementType(Type type, out TF_DataType dtype)
    {
        dtype = type switch
        {
            _ when type == typeof(float) => TF_DataType.TF_FLOAT,
            _ when type == typeof(double) => TF_DataType.TF_DOUBLE,
            _ when type == typeof(int) => TF_DataType.TF_INT32,
            _ when type == typeof(byte) => TF_DataType.TF_UINT8,
            _ when type == typeof(short) => TF_DataType.TF_INT16,
            _ when type == typeof(sbyte) => TF_DataType.TF_INT8,
            _ when type == typeof(long) => TF_DataType.TF_INT64,
            _ when type == typeof(bool) => TF_DataType.TF_BOOL,
            _ when type == typeof(ushort) => TF_DataType.TF_UINT16,
            _ when type == typeof(Complex) => TF_DataType.TF_COMPLEX128,
            _ when type == typeof(Half) => TF_DataType.TF_HALF,
            _ when type == typeof(uint) => TF_DataType.TF_UINT32,
            _ when type == typeof(ulong) => TF_DataType.TF_UINT64,
            _ => TF_DataType.DtInvalid,
        };
        return dtype != TF_DataType.DtInvalid;
    }

    public static TF_DataType FromArray(Array array) =>
        TryFromElementType(array.GetType().GetElementType()!, out var dtype)
            ? dtype
            : throw new NotSupportedException($"stand-in: no dtype for {array.GetType()}");

    /// <summary>The bytes of the value 1 in <paramref name="dtype"/> (the seed gradient of a backward pass).</summary>
    public static byte[] One(TF_DataType dtype) => Base(dtype) switch
    {
        TF_DataType.TF_FLOAT => BitConverter.GetBytes(1f),
        TF_DataType.TF_DOUBLE => BitConverter.GetBytes(1d),
        TF_DataType.TF_HALF => BitConverter.GetBytes((Half)1),
        TF_DataType.TF_BFLOAT16 => [0x80, 0x3F],
        TF_DataType.TF_COMPLEX64 => [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(0f)],
        TF_DataType.TF_COMPLEX128 => [.. BitConverter.GetBytes(1d), .. BitConverter.GetBytes(0d)],
        var other => OneInteger(ElementSize(other)),
    };

    private static byte[] OneInteger(int size)
    {
        var bytes = new byte[size];
        bytes[0] = 1;
        return bytes;
    }
}
