using System.Buffers.Binary;

namespace TfOps.Parity;

/// <summary>
/// The tolerance a TensorFlow export writes for a case (DESIGN.md, "Tolerances the exporter writes"),
/// computed from the case's input: the one place TfOps grades itself against TensorFlow's own output.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>rtol is half an ulp of the output type; atol is n * eps(accumulator) * the largest
/// channel's sum of |x| over finite values (n = terms per channel).</item>
/// <item>The accumulator is TensorFlow's CPU kernel's: float for float16 NHWC, float32 and complex64;
/// double for float64 and complex128; the storage type itself for bfloat16 (both formats) and for
/// float16 NCHW, whose runs are reduced in float16. Those two are "widened".</item>
/// <item>Cases of whole numbers, non-finite values or no elements are exact (0, 0), unless widened:
/// then whole and empty cases keep (half ulp, atol) and non-finite cases (0, atol).</item>
/// <item>Signed-zero cases (the manifest's <c>values</c> says <c>signedzero</c>) are exact in every
/// export: their few small terms sum exactly in every floating type, 16-bit included, so they pin the
/// sign of zero (export_golden.py, <c>tolerance()</c>). Their halves are not whole numbers, so the
/// input alone would not tell.</item>
/// <item>Integer and quantized dtypes compare exactly: null.</item>
/// </list>
/// The manifest's own tolerance plays no part: a TensorFlow export would write this one.
/// </remarks>
public static class TensorFlowTolerance
{
    /// <summary>
    /// The tolerance for <paramref name="input"/> (storage bytes of <paramref name="dtype"/>, C order);
    /// null means exact. <paramref name="values"/> is the case's <c>values</c> label, when the manifest has one.
    /// </summary>
    public static GoldenTolerance? For(GoldenDtype dtype, DataFormat format, IReadOnlyList<long> shape, ReadOnlySpan<byte> input, string? values = null)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        ArgumentNullException.ThrowIfNull(shape);
        if (!Floating(dtype.DataType, out double storageEps, out int components))
        {
            return null;
        }

        if (values == "signedzero")
        {
            return GoldenTolerance.Exact;
        }

        bool widened = AccumulatesInStorageType(dtype.DataType, format);
        double accumulatorEps = widened ? storageEps : dtype.DataType is TfDataType.Double or TfDataType.Complex128 ? Math.Pow(2, -52) : Math.Pow(2, -23);
        var (kind, largest, terms) = Scan(dtype.DataType, format, shape, input, components);
        if (kind != Values.Finite && !widened)
        {
            return GoldenTolerance.Exact;
        }

        double atol = terms * accumulatorEps * largest;
        if (!double.IsFinite(atol))
        {
            atol = double.MaxValue; // strict JSON has no Infinity; sums that overflow double are beyond any tolerance anyway
        }

        return kind == Values.NonFinite ? new GoldenTolerance(0, atol) : new GoldenTolerance(storageEps / 2, atol);
    }

    /// <summary>
    /// True where TensorFlow's CPU kernel rounds partial sums to the storage type: bfloat16 in both
    /// formats, and float16 NCHW (each contiguous run is reduced in float16 before widening).
    /// </summary>
    public static bool AccumulatesInStorageType(TfDataType dtype, DataFormat format) =>
        dtype == TfDataType.BFloat16 || (dtype == TfDataType.Half && format == DataFormat.NCHW);

    private enum Values { Finite, Whole, NonFinite, Empty }

    // eps is the storage type's machine epsilon; half an ulp of the output is eps / 2.
    private static bool Floating(TfDataType dtype, out double eps, out int components)
    {
        (eps, components) = dtype switch
        {
            TfDataType.Half => (Math.Pow(2, -10), 1),
            TfDataType.BFloat16 => (Math.Pow(2, -7), 1),
            TfDataType.Float => (Math.Pow(2, -23), 1),
            TfDataType.Complex64 => (Math.Pow(2, -23), 2),
            TfDataType.Double => (Math.Pow(2, -52), 1),
            TfDataType.Complex128 => (Math.Pow(2, -52), 2),
            _ => (0, 0),
        };
        return components > 0;
    }

    // One pass over the input: what it holds, the largest channel sum of |x| (finite values, each
    // component separately), and the number of terms per channel.
    private static (Values Kind, double Largest, long Terms) Scan(TfDataType dtype, DataFormat format, IReadOnlyList<long> shape, ReadOnlySpan<byte> input, int components)
    {
        long count = shape.Aggregate(1L, (n, d) => n * d);
        if (count <= 0 || shape.Count < 2)
        {
            return (Values.Empty, 0, 0);
        }

        // Only called for inputs the op accepted (TensorFlow produced a value), so the shape validates.
        var validated = BiasAddGrad.Validate(dtype, [.. shape], format);
        long channels = validated.Channels, inner = validated.Inner;

        var sums = new double[channels * components];
        bool whole = true, nonFinite = false;
        int width = TfDataTypes.ElementSize(dtype) / components;
        for (long element = 0; element < count; element++)
        {
            long channel = element / inner % channels;
            for (int k = 0; k < components; k++)
            {
                double value = Read(dtype, input[(int)(((element * components) + k) * width)..]);
                if (!double.IsFinite(value))
                {
                    nonFinite = true;
                    continue;
                }

                whole &= value == Math.Floor(value);
                sums[(channel * components) + k] += Math.Abs(value);
            }
        }

        Values kind = nonFinite ? Values.NonFinite : whole ? Values.Whole : Values.Finite;
        return (kind, sums.Length == 0 ? 0 : sums.Max(), count / channels);
    }

    private static double Read(TfDataType dtype, ReadOnlySpan<byte> at) => dtype switch
    {
        TfDataType.Half => (double)BinaryPrimitives.ReadHalfLittleEndian(at),
        TfDataType.BFloat16 => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(at) << 16),
        TfDataType.Float or TfDataType.Complex64 => BinaryPrimitives.ReadSingleLittleEndian(at),
        _ => BinaryPrimitives.ReadDoubleLittleEndian(at),
    };
}
