using System.Diagnostics.CodeAnalysis;

namespace TfOps.Parity;

/// <summary>
/// How a manifest dtype name (TensorFlow's <c>DType.name</c>) is stored in .npy: bfloat16 as its
/// uint16 bit pattern, quantized dtypes as their storage integers, bool as <c>|b1</c>. Only the
/// .npy descr is stated here; names and sizes come from <see cref="TfDataTypes"/>.
/// </summary>
public sealed record GoldenDtype(TfDataType DataType, string Descr)
{
    /// <summary>TensorFlow's Python name (float32, bfloat16, qint8, bool, ...).</summary>
    public string Name => TfDataTypes.PythonName(DataType);

    /// <summary>Bytes per element.</summary>
    public int ElementSize => TfDataTypes.ElementSize(DataType);

    private static readonly GoldenDtype[] All =
    [
        new(TfDataType.Half, "<f2"),
        new(TfDataType.BFloat16, "<u2"),
        new(TfDataType.Float, "<f4"),
        new(TfDataType.Double, "<f8"),
        new(TfDataType.Complex64, "<c8"),
        new(TfDataType.Complex128, "<c16"),
        new(TfDataType.Int8, "|i1"),
        new(TfDataType.Int16, "<i2"),
        new(TfDataType.Int32, "<i4"),
        new(TfDataType.Int64, "<i8"),
        new(TfDataType.UInt8, "|u1"),
        new(TfDataType.UInt16, "<u2"),
        new(TfDataType.UInt32, "<u4"),
        new(TfDataType.UInt64, "<u8"),
        new(TfDataType.QInt8, "|i1"),
        new(TfDataType.QUInt8, "|u1"),
        new(TfDataType.QInt16, "<i2"),
        new(TfDataType.QUInt16, "<u2"),
        new(TfDataType.QInt32, "<i4"),
        new(TfDataType.Bool, "|b1"),
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
