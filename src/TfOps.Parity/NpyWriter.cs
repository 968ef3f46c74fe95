using System.Globalization;
using System.Text;

namespace TfOps.Parity;

/// <summary>Writes .npy version 1.0 files (C order, little-endian), as numpy's np.save lays them out.</summary>
public static class NpyWriter
{
    /// <summary>Writes <paramref name="data"/> (storage bytes of <paramref name="dtype"/>) with <paramref name="shape"/>.</summary>
    public static void Write(Stream stream, GoldenDtype dtype, IReadOnlyList<long> shape, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dtype);
        long count = shape.Aggregate(1L, (p, d) => checked(p * d));
        if (data.Length != count * dtype.ElementSize)
        {
            throw new ArgumentException($"{data.Length} bytes do not hold shape {NpyHeader.FormatShape(shape)} of {dtype.Name}", nameof(data));
        }

        string dict = string.Create(CultureInfo.InvariantCulture,
            $"{{'descr': '{dtype.Descr}', 'fortran_order': False, 'shape': {NpyHeader.FormatShape(shape)}, }}");
        // The header (10-byte preamble + dict + padding + newline) is a multiple of 64 bytes.
        int total = (10 + dict.Length + 1 + 63) / 64 * 64;
        string header = dict.PadRight(total - 10 - 1) + "\n";
        Span<byte> preamble = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)];
        stream.Write(preamble);
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(data);
    }

    /// <summary>Writes an .npy file at <paramref name="path"/>.</summary>
    public static void Write(string path, GoldenDtype dtype, IReadOnlyList<long> shape, ReadOnlySpan<byte> data)
    {
        using var stream = File.Create(path);
        Write(stream, dtype, shape, data);
    }
}
