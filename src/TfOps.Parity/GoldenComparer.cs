using System.Numerics;
using System.Runtime.InteropServices;

namespace TfOps.Parity;

/// <summary>How far an actual result is from the expected one.</summary>
/// <param name="Passed">Every element within tolerance.</param>
/// <param name="MaxAbsError">The largest |actual - expected| over elements (and components); infinity for a NaN/Inf mismatch.</param>
/// <param name="WorstRatio">The largest error / allowed error (0 when all equal; infinity when an exact element differs, the sign of an exact zero included).</param>
/// <param name="Detail">The first failing element, or null.</param>
public sealed record Comparison(bool Passed, double MaxAbsError, double WorstRatio, string? Detail);

/// <summary>
/// Compares outputs element by element: |actual - expected| &lt;= atol + rtol * |expected| (complex
/// per component; integer dtypes, quantized included, exactly; NaN equals NaN; infinities must match in sign;
/// where the tolerance is 0, a zero must match the expected zero's sign).
/// </summary>
public static class GoldenComparer
{
    /// <summary>Compares storage bytes of <paramref name="dtype"/>.</summary>
    public static Comparison Compare(GoldenDtype dtype, ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected, GoldenTolerance? tolerance)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (actual.Length != expected.Length)
        {
            return new Comparison(false, double.PositiveInfinity, double.PositiveInfinity,
                $"{actual.Length / dtype.ElementSize} elements computed, {expected.Length / dtype.ElementSize} expected");
        }

        var tol = tolerance ?? GoldenTolerance.Exact;
        return dtype.DataType switch
        {
            TfDataType.Half => Floats(Widen(MemoryMarshal.Cast<byte, Half>(actual)), Widen(MemoryMarshal.Cast<byte, Half>(expected)), 1, tol),
            TfDataType.BFloat16 => Floats(Widen(MemoryMarshal.Cast<byte, ushort>(actual)), Widen(MemoryMarshal.Cast<byte, ushort>(expected)), 1, tol),
            TfDataType.Float or TfDataType.Complex64 => Floats(Widen(MemoryMarshal.Cast<byte, float>(actual)), Widen(MemoryMarshal.Cast<byte, float>(expected)),
                dtype.DataType == TfDataType.Float ? 1 : 2, tol),
            TfDataType.Double or TfDataType.Complex128 => Floats(MemoryMarshal.Cast<byte, double>(actual).ToArray(), MemoryMarshal.Cast<byte, double>(expected).ToArray(),
                dtype.DataType == TfDataType.Double ? 1 : 2, tol),
            TfDataType.Int8 or TfDataType.QInt8 => Integers(MemoryMarshal.Cast<byte, sbyte>(actual), MemoryMarshal.Cast<byte, sbyte>(expected)),
            TfDataType.UInt8 or TfDataType.QUInt8 or TfDataType.Bool => Integers(actual, expected),
            TfDataType.Int16 or TfDataType.QInt16 => Integers(MemoryMarshal.Cast<byte, short>(actual), MemoryMarshal.Cast<byte, short>(expected)),
            TfDataType.UInt16 or TfDataType.QUInt16 => Integers(MemoryMarshal.Cast<byte, ushort>(actual), MemoryMarshal.Cast<byte, ushort>(expected)),
            TfDataType.Int32 or TfDataType.QInt32 => Integers(MemoryMarshal.Cast<byte, int>(actual), MemoryMarshal.Cast<byte, int>(expected)),
            TfDataType.UInt32 => Integers(MemoryMarshal.Cast<byte, uint>(actual), MemoryMarshal.Cast<byte, uint>(expected)),
            TfDataType.Int64 => Integers(MemoryMarshal.Cast<byte, long>(actual), MemoryMarshal.Cast<byte, long>(expected)),
            TfDataType.UInt64 => Integers(MemoryMarshal.Cast<byte, ulong>(actual), MemoryMarshal.Cast<byte, ulong>(expected)),
            _ => new Comparison(false, double.NaN, double.NaN, $"no comparison for dtype {dtype.Name}"),
        };
    }

    private static double[] Widen(ReadOnlySpan<Half> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (double)values[i];
        }

        return result;
    }

    private static double[] Widen(ReadOnlySpan<ushort> bfloat16Bits)
    {
        var result = new double[bfloat16Bits.Length];
        for (int i = 0; i < bfloat16Bits.Length; i++)
        {
            result[i] = BFloat16.FromBits(bfloat16Bits[i]).ToSingle();
        }

        return result;
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    private static Comparison Floats(double[] actual, double[] expected, int components, GoldenTolerance tol)
    {
        double maxError = 0, worst = 0;
        string? detail = null;
        // An exact case pins the sign of zero too (TensorFlow copies a single row, so -0.0 stays -0.0,
        // while every longer sum starts from +0.0); with any tolerance the sign of zero is not graded.
        bool exact = tol.Rtol == 0 && tol.Atol == 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double a = actual[i], e = expected[i];
            double error, allowed = tol.Atol + (tol.Rtol * Math.Abs(e));
            bool ok, zeroSignDiffers = false;
            if (double.IsNaN(e) || double.IsInfinity(e) || !double.IsFinite(a))
            {
                ok = double.IsNaN(e) ? double.IsNaN(a) : a.Equals(e);
                error = ok ? 0 : double.PositiveInfinity;
            }
            else
            {
                error = Math.Abs(a - e);
                zeroSignDiffers = exact && a == 0 && e == 0 && double.IsNegative(a) != double.IsNegative(e);
                ok = error <= allowed && !zeroSignDiffers;
            }

            double ratio = zeroSignDiffers ? double.PositiveInfinity : error == 0 ? 0 : allowed > 0 ? error / allowed : double.PositiveInfinity;
            maxError = Math.Max(maxError, error);
            worst = Math.Max(worst, ratio);
            if (!ok && detail is null)
            {
                string where = components == 1 ? $"element {i}" : $"element {i / components} ({(i % components == 0 ? "real" : "imaginary")})";
                detail = zeroSignDiffers
                    ? $"{where}: got {Show(a)}, expected {Show(e)} (zeros must match in sign where the tolerance is 0)"
                    : $"{where}: got {Show(a)}, expected {Show(e)} (|diff| {Show(error)} > allowed {Show(allowed)})";
            }
        }

        return new Comparison(detail is null, maxError, worst, detail);
    }

    private static Comparison Integers<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected)
        where T : unmanaged, IBinaryInteger<T>
    {
        double maxError = 0;
        string? detail = null;
        for (int i = 0; i < expected.Length; i++)
        {
            if (actual[i] != expected[i])
            {
                double error = Math.Abs((double)(Int128.CreateTruncating(actual[i]) - Int128.CreateTruncating(expected[i])));
                maxError = Math.Max(maxError, error);
                detail ??= $"element {i}: got {actual[i]}, expected {expected[i]} (integers compare exactly)";
            }
        }

        return new Comparison(detail is null, maxError, detail is null ? 0 : double.PositiveInfinity, detail);
    }

    private static string Show(double value) => value.ToString("G9", System.Globalization.CultureInfo.InvariantCulture);
}
