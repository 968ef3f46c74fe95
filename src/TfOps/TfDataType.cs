namespace TfOps;

/// <summary>TensorFlow's TF_DataType numbers (the same in the C API, types.proto and TensorFlow.NET).</summary>
#pragma warning disable CA1720 // the names are TensorFlow's
public enum TfDataType
{
    /// <summary>float32.</summary>
    Float = 1,
    /// <summary>float64.</summary>
    Double = 2,
    /// <summary>int32.</summary>
    Int32 = 3,
    /// <summary>uint8.</summary>
    UInt8 = 4,
    /// <summary>int16.</summary>
    Int16 = 5,
    /// <summary>int8.</summary>
    Int8 = 6,
    /// <summary>string (not accepted by BiasAddGrad).</summary>
    String = 7,
    /// <summary>complex64.</summary>
    Complex64 = 8,
    /// <summary>int64.</summary>
    Int64 = 9,
    /// <summary>bool (not accepted by BiasAddGrad).</summary>
    Bool = 10,
    /// <summary>qint8, stored as int8.</summary>
    QInt8 = 11,
    /// <summary>quint8, stored as uint8.</summary>
    QUInt8 = 12,
    /// <summary>qint32, stored as int32.</summary>
    QInt32 = 13,
    /// <summary>bfloat16.</summary>
    BFloat16 = 14,
    /// <summary>qint16, stored as int16.</summary>
    QInt16 = 15,
    /// <summary>quint16, stored as uint16.</summary>
    QUInt16 = 16,
    /// <summary>uint16.</summary>
    UInt16 = 17,
    /// <summary>complex128.</summary>
    Complex128 = 18,
    /// <summary>float16.</summary>
    Half = 19,
    /// <summary>resource (not accepted by BiasAddGrad).</summary>
    Resource = 20,
    /// <summary>variant (not accepted by BiasAddGrad).</summary>
    Variant = 21,
    /// <summary>uint32.</summary>
    UInt32 = 22,
    /// <summary>uint64.</summary>
    UInt64 = 23,
}
#pragma warning restore CA1720
