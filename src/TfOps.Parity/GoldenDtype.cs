using System.Diagnostics.CodeAnalysis;

namespace TfOps.Parity;

/// <summary>
/// How a manifest dtype name (TensorFlow's <c>DType.name</c>) is stored in .npy: bfloat16 as its
/// uint16 bit pattern, quantized dtypes as their storage integers, bool as <c>|b1</c>.
/// </summary>
public sealed record GoldenDtype(string Name, TfDataType DataType, string Descr, int ElementSize)
{
    private static readonly GoldenDtype[] All =
    [
        new("float16", TfDataType.Half, "<f2", 2),
        new("bfloat16", TfDataType.BFloat16, "<u2", 2),
        new("float32", TfDataType.Float, "<f4", 4),
        new("float64", TfDataType.Double, "<f8", 8),
        new("complex64", TfDataType.Complex64, "<c8", 8),
        new("complex128", TfDataType.Complex128, "<c16", 16),
        new("int8", TfDataType.Int8, "|i1", 1),
        new("int16", TfDataType.Int16, "<i2", 2),
        new("int32", TfDataType.Int32, "<i4", 4),
        new("int64", TfDataType.Int64, "<i8", 8),
        new("uint8", TfDataType.UInt8, "|u1", 1),
        new("uint16", TfDataType.UInt16, "<u2", 2),
        new("uint32", TfDataType.UInt32, "<u4", 4),
        new("uint64", TfDataType.UInt64, "<u8", 8),
        new("qint8", TfDataType.QInt8, "|i1", 1),
        new("quint8", TfDataType.QUInt8, "|u1", 1),
        new("qint16", TfDataType.QInt16, "<i2", 2),
        new("quint16", TfDataType.QUInt16, "<u2", 2),
        new("qint32", TfDataType.QInt32, "<i4", 4),
        new("bool", TfDataType.Bool, "|b1", 1),
    ];

    /// <summary>True for the op's 19 dtypes (bool is readable only for error cases).</summary>
    public bool IsOpType => TfDataTypes.IsBiasAddGradType(DataType);

    /// <summary>Finds a dtype by TensorFlow's Python name (float32, bfloat16, qint8, bool, ...).</summary>
    public static bool TryFind(string? name, [NotNullWhen(true)] out GoldenDtype? dtype)
    {
        dtype = All.FirstOrDefault(d => d.Name == name);
        return dtype is not null;
    }

    /// <summary>The dtype's entry for a <see cref="TfDataType"/>.</summary>
    public static GoldenDtype For(TfDataType dataType) =>
        All.FirstOrDefault(d => d.DataType == dataType)
        ?? throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "no .npy storage for this dtype");

    /// <summary>True when an .npy <c>descr</c> is this dtype's storage (one-byte types may say '|' or '&lt;').</summary>
    public bool Accepts(string descr) =>
        descr == Descr || (ElementSize == 1 && descr.Length == 3 && descr[0] is ('<' or '|' or '=') && descr[1..] == Descr[1..]);
}
