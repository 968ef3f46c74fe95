using System.Buffers.Binary;

namespace TfOps.Tests;

/// <summary>
/// A single row is copied, bit for bit, as TensorFlow's CPU kernel copies it (redux_functor.h:
/// ReduceOuterDimensions returns the input when outer_dim == 1 — NHWC [1, C]; ReduceMiddleDimensions
/// when inner_dim * outer_dim == 1 — NCHW with N * H * W... == 1). So -0.0 stays -0.0 and a NaN keeps
/// its payload (a signalling NaN is not quieted): a sum 0 + x would change both.
/// </summary>
public class SingleRowCopyTests
{
    private const int Components = 6;

    private static readonly (DataFormat Format, Func<long, long[]> Shape)[] SingleRowShapes =
    [
        (DataFormat.NHWC, c => [1, c]),
        (DataFormat.NHWC, c => [1, 1, 1, c]),
        (DataFormat.NCHW, c => [1, c]),
        (DataFormat.NCHW, c => [1, c, 1]),
        (DataFormat.NCHW, c => [1, c, 1, 1, 1]),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from dtype in TfDataTypes.BiasAddGradTypes
        from shape in SingleRowShapes
        let channels = dtype is TfDataType.Complex64 or TfDataType.Complex128 ? Components / 2 : Components
        let dims = shape.Shape(channels)
        select new TestCaseData(dtype, shape.Format, dims).SetArgDisplayNames(TfDataTypes.PythonName(dtype), shape.Format.ToString(), $"[{string.Join(",", dims)}]");

    [TestCaseSource(nameof(Cases))]
    public void SingleRowIsCopiedBitForBit(TfDataType dtype, DataFormat format, long[] shape)
    {
        byte[] input = Pattern(dtype);
        var output = new byte[input.Length];
        BiasAddGrad.Compute(dtype, input, shape, format, output);
        // The naive reference of a one-term sum as TensorFlow computes it: the term itself, every bit.
        Assert.That(output, Is.EqualTo(input), $"{Hex(output)} for {Hex(input)}");
    }

    /// <summary>
    /// Six storage components, little-endian. Floating types: -0.0, a signalling NaN with a payload,
    /// a negative quiet NaN with a payload, +0.0, 1.5, -0.0 (complex: three elements of two parts).
    /// Integer and quantized types: arbitrary bits (a copy and a sum agree there; the copy still must hold).
    /// </summary>
    private static byte[] Pattern(TfDataType dtype)
    {
        ulong[]? bits = dtype switch
        {
            TfDataType.Half => [0x8000, 0x7C2B, 0xFE2A, 0x0000, 0x3E00, 0x8000],
            TfDataType.BFloat16 => [0x8000, 0x7F85, 0xFFC5, 0x0000, 0x3FC0, 0x8000],
            TfDataType.Float or TfDataType.Complex64 => [0x8000_0000, 0x7F80_1234, 0xFFC0_4321, 0, 0x3FC0_0000, 0x8000_0000],
            TfDataType.Double or TfDataType.Complex128 =>
                [0x8000_0000_0000_0000, 0x7FF0_0000_0000_BEEF, 0xFFF8_0000_0000_1234, 0, 0x3FF8_0000_0000_0000, 0x8000_0000_0000_0000],
            _ => null,
        };
        int size = TfDataTypes.ElementSize(dtype) / (dtype is TfDataType.Complex64 or TfDataType.Complex128 ? 2 : 1);
        var bytes = new byte[Components * size];
        if (bits is null)
        {
            new Random(11).NextBytes(bytes);
            return bytes;
        }

        for (int i = 0; i < Components; i++)
        {
            var slot = bytes.AsSpan(i * size, size);
            switch (size)
            {
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(slot, (ushort)bits[i]); break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)bits[i]); break;
                default: BinaryPrimitives.WriteUInt64LittleEndian(slot, bits[i]); break;
            }
        }

        return bytes;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
