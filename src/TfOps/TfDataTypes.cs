namespace TfOps;

/// <summary>Facts about TensorFlow dtypes that the op and its adapters need.</summary>
public static class TfDataTypes
{
    /// <summary>The 19 dtypes BiasAddGrad accepts, in the OpDef's order (the order of TensorFlow's error text).</summary>
    public static IReadOnlyList<TfDataType> BiasAddGradTypes { get; } =
    [
        TfDataType.Float, TfDataType.Double, TfDataType.Int32, TfDataType.UInt8, TfDataType.Int16,
        TfDataType.Int8, TfDataType.Complex64, TfDataType.Int64, TfDataType.QInt8, TfDataType.QUInt8,
        TfDataType.QInt32, TfDataType.BFloat16, TfDataType.QInt16, TfDataType.QUInt16, TfDataType.UInt16,
        TfDataType.Complex128, TfDataType.Half, TfDataType.UInt32, TfDataType.UInt64,
    ];

    /// <summary>True when BiasAddGrad accepts <paramref name="dtype"/>.</summary>
    public static bool IsBiasAddGradType(TfDataType dtype) => dtype switch
    {
        TfDataType.String or TfDataType.Bool or TfDataType.Resource or TfDataType.Variant => false,
        _ => dtype >= TfDataType.Float && dtype <= TfDataType.UInt64,
    };

    /// <summary>True for the quantized dtypes, which TensorFlow has no BiasAddGrad kernel for.</summary>
    public static bool IsQuantized(TfDataType dtype) =>
        dtype is TfDataType.QInt8 or TfDataType.QUInt8 or TfDataType.QInt16 or TfDataType.QUInt16 or TfDataType.QInt32;

    /// <summary>Bytes per element of an accepted dtype (0 for the others).</summary>
    public static int ElementSize(TfDataType dtype) => dtype switch
    {
        TfDataType.Int8 or TfDataType.UInt8 or TfDataType.QInt8 or TfDataType.QUInt8 or TfDataType.Bool => 1,
        TfDataType.Int16 or TfDataType.UInt16 or TfDataType.QInt16 or TfDataType.QUInt16
            or TfDataType.Half or TfDataType.BFloat16 => 2,
        TfDataType.Float or TfDataType.Int32 or TfDataType.UInt32 or TfDataType.QInt32 => 4,
        TfDataType.Double or TfDataType.Int64 or TfDataType.UInt64 or TfDataType.Complex64 => 8,
        TfDataType.Complex128 => 16,
        _ => 0,
    };

    /// <summary>Python's <c>DType.name</c> (float32, bfloat16, qint8, ...), as the golden manifests spell it.</summary>
    public static string PythonName(TfDataType dtype) => dtype switch
    {
        TfDataType.Float => "float32",
        TfDataType.Double => "float64",
        TfDataType.Half => "float16",
        _ => CppName(dtype),
    };

    /// <summary>TensorFlow's C++ <c>DataTypeString</c> (float, double, half, ...), as its error texts spell it.</summary>
    public static string CppName(TfDataType dtype) => dtype switch
    {
        TfDataType.Float => "float",
        TfDataType.Double => "double",
        TfDataType.Int32 => "int32",
        TfDataType.UInt8 => "uint8",
        TfDataType.Int16 => "int16",
        TfDataType.Int8 => "int8",
        TfDataType.String => "string",
        TfDataType.Complex64 => "complex64",
        TfDataType.Int64 => "int64",
        TfDataType.Bool => "bool",
        TfDataType.QInt8 => "qint8",
        TfDataType.QUInt8 => "quint8",
        TfDataType.QInt32 => "qint32",
        TfDataType.BFloat16 => "bfloat16",
        TfDataType.QInt16 => "qint16",
        TfDataType.QUInt16 => "quint16",
        TfDataType.UInt16 => "uint16",
        TfDataType.Complex128 => "complex128",
        TfDataType.Half => "half",
        TfDataType.Resource => "resource",
        TfDataType.Variant => "variant",
        TfDataType.UInt32 => "uint32",
        TfDataType.UInt64 => "uint64",
        _ => $"unknown dtype enum ({(int)dtype})",
    };

    /// <summary>
    /// Calls <paramref name="visitor"/> with the storage type of <paramref name="dtype"/>: the one
    /// dtype dispatch of the whole data path (the raw-bytes kernel overload, the TensorFlow plugin and
    /// the adapters all go through it). The quantized dtypes map to their storage integers.
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text, for a dtype outside the op's list.</exception>
    public static TResult Accept<TVisitor, TResult>(TfDataType dtype, ref TVisitor visitor)
        where TVisitor : IDataTypeVisitor<TResult>, allows ref struct
    {
        switch (dtype)
        {
            case TfDataType.Float: return visitor.Visit<float>();
            case TfDataType.Double: return visitor.Visit<double>();
            case TfDataType.Half: return visitor.Visit<Half>();
            case TfDataType.BFloat16: return visitor.Visit<BFloat16>();
            case TfDataType.Complex64: return visitor.Visit<Complex64>();
            case TfDataType.Complex128: return visitor.Visit<System.Numerics.Complex>();
            case TfDataType.Int8 or TfDataType.QInt8: return visitor.Visit<sbyte>();
            case TfDataType.UInt8 or TfDataType.QUInt8: return visitor.Visit<byte>();
            case TfDataType.Int16 or TfDataType.QInt16: return visitor.Visit<short>();
            case TfDataType.UInt16 or TfDataType.QUInt16: return visitor.Visit<ushort>();
            case TfDataType.Int32 or TfDataType.QInt32: return visitor.Visit<int>();
            case TfDataType.UInt32: return visitor.Visit<uint>();
            case TfDataType.Int64: return visitor.Visit<long>();
            case TfDataType.UInt64: return visitor.Visit<ulong>();
            default:
                ValidationErrors.NotAllowedType(dtype);
                return default;
        }
    }

    /// <summary>The dtype whose storage is <typeparamref name="T"/>; false for unsupported element types.</summary>
    /// <remarks>Quantized dtypes share storage with plain integers, so they are never returned here.</remarks>
    internal static bool TryFromElementType<T>(out TfDataType dtype)
    {
        dtype = typeof(T) switch
        {
            var t when t == typeof(float) => TfDataType.Float,
            var t when t == typeof(double) => TfDataType.Double,
            var t when t == typeof(Half) => TfDataType.Half,
            var t when t == typeof(BFloat16) => TfDataType.BFloat16,
            var t when t == typeof(Complex64) => TfDataType.Complex64,
            var t when t == typeof(System.Numerics.Complex) => TfDataType.Complex128,
            var t when t == typeof(sbyte) => TfDataType.Int8,
            var t when t == typeof(byte) => TfDataType.UInt8,
            var t when t == typeof(short) => TfDataType.Int16,
            var t when t == typeof(ushort) => TfDataType.UInt16,
            var t when t == typeof(int) => TfDataType.Int32,
            var t when t == typeof(uint) => TfDataType.UInt32,
            var t when t == typeof(long) => TfDataType.Int64,
            var t when t == typeof(ulong) => TfDataType.UInt64,
            _ => 0,
        };
        return dtype != 0;
    }
}
