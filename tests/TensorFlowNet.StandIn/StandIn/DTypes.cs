// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: the dtype facts TensorFlow.NET's managed code uses (dtypes.get_datatype_size,
/// dtypes.as_tf_dtype, TF_DataType's "ref" numbering).
/// </summary>
internal static class DTypes
{
    /// <summary>Reference dtypes (100 higher) to their base dtype.</summary>
    public static TF_DataType Base(TF_DataType dtype) => (int)dtype > 100 ? dtype - 100 : dtype;

    /// <summary>Bytes per element; 0 for dtypes without a fixed size (TensorFlow.NET: get_datatype_size).</summary>
    public static int ElementSize(TF_DataType dtype) => Base(dtype) switch
    {
        TF_DataType.TF_INT8 or TF_DataType.TF_UINT8 or TF_DataType.TF_QINT8 or TF_DataType.TF_QUINT8 or TF_DataType.TF_BOOL => 1,
        TF_DataType.TF_INT16 or TF_DataType.TF_UINT16 or TF_DataType.TF_QINT16 or TF_DataType.TF_QUINT16
            or TF_DataType.TF_HALF or TF_DataType.TF_BFLOAT16 => 2,
        TF_DataType.TF_FLOAT or TF_DataType.TF_INT32 or TF_DataType.TF_UINT32 or TF_DataType.TF_QINT32 => 4,
        TF_DataType.TF_DOUBLE or TF_DataType.TF_INT64 or TF_DataType.TF_UINT64 or TF_DataType.TF_COMPLEX64 => 8,
        TF_DataType.TF_COMPLEX128 => 16,
        _ => 0,
    };

    /// <summary>Elements of a fully defined shape.</summary>
    public static long ElementCount(Shape shape)
    {
        long count = 1;
        foreach (long d in shape.dims)
        {
            count = d < 0 ? throw new InvalidOperationException($"stand-in: shape {shape} is not fully defined") : checked(count * d);
        }

        return count;
    }

    /// <summary>The element types TensorFlow.NET maps (dtypes.as_tf_dtype); DtInvalid for the rest.</summary>
    public static TF_DataType FromElementType(Type type) => type switch
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
        _ when type == typeof(System.Numerics.Complex) => TF_DataType.TF_COMPLEX128,
        _ when type == typeof(Half) => TF_DataType.TF_HALF,
        _ when type == typeof(uint) => TF_DataType.TF_UINT32,
        _ when type == typeof(ulong) => TF_DataType.TF_UINT64,
        _ => TF_DataType.DtInvalid,
    };
}
