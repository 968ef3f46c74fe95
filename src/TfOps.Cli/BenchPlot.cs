using System.Buffers.Binary;
using System.IO.Compression;

namespace TfOps.Cli;

/// <summary>
/// A small PNG plot of throughput (GB/s) against tensor size (log scale) for TfOps (blue) and the
/// read reference (orange). Drawn by hand into an RGB buffer and encoded with the BCL's zlib, so the
/// tool needs no graphics library (and none of their native dependencies).
/// </summary>
internal static class BenchPlot
{
    private const int Width = 800, Height = 480, Margin = 50;
    private static readonly (byte R, byte G, byte B) s_tfops = (31, 119, 180), s_reference = (255, 127, 14), s_axis = (60, 60, 60), s_grid = (225, 225, 225);

    public static void Write(string path, IReadOnlyList<BenchResult> results)
    {
        var pixels = new byte[Width * Height * 3];
        Array.Fill(pixels, (byte)255);
        var sorted = results.OrderBy(r => r.Case.Bytes).ToList();
        double minX = Math.Log10(sorted.Min(r => r.Case.Bytes)), maxX = Math.Log10(sorted.Max(r => r.Case.Bytes));
        double maxY = sorted.Max(r => Math.Max(r.TfOpsGBps, r.ReferenceGBps)) * 1.1;
        int Px(double bytes) => Margin + (int)((Math.Log10(bytes) - minX) / Math.Max(maxX - minX, 1e-9) * (Width - (2 * Margin)));
        int Py(double gbps) => Height - Margin - (int)(gbps / maxY * (Height - (2 * Margin)));

        for (int k = 1; k <= 4; k++)
        {
            Line(pixels, Margin, Py(maxY * k / 4), Width - Margin, Py(maxY * k / 4), s_grid);
        }

        Line(pixels, Margin, Height - Margin, Width - Margin, Height - Margin, s_axis);
        Line(pixels, Margin, Margin, Margin, Height - Margin, s_axis);
        Series(pixels, sorted.Select(r => (Px(r.Case.Bytes), Py(r.ReferenceGBps))).ToList(), s_reference);
        Series(pixels, sorted.Select(r => (Px(r.Case.Bytes), Py(r.TfOpsGBps))).ToList(), s_tfops);
        File.WriteAllBytes(path, Encode(pixels));
    }

    private static void Series(byte[] pixels, List<(int X, int Y)> points, (byte, byte, byte) color)
    {
        for (int i = 1; i < points.Count; i++)
        {
            Line(pixels, points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, color);
        }

        foreach (var (x, y) in points)
        {
            for (int dy = -3; dy <= 3; dy++)
            {
                for (int dx = -3; dx <= 3; dx++)
                {
                    Set(pixels, x + dx, y + dy, color);
                }
            }
        }
    }

    private static void Line(byte[] pixels, int x0, int y0, int x1, int y1, (byte, byte, byte) color)
    {
        int steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1;
        for (int i = 0; i <= steps; i++)
        {
            Set(pixels, x0 + ((x1 - x0) * i / steps), y0 + ((y1 - y0) * i / steps), color);
        }
    }

    private static void Set(byte[] pixels, int x, int y, (byte R, byte G, byte B) color)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        int at = ((y * Width) + x) * 3;
        (pixels[at], pixels[at + 1], pixels[at + 2]) = color;
    }

    /// <summary>PNG: signature, IHDR (8-bit RGB), one zlib IDAT with filter 0 per row, IEND.</summary>
    private static byte[] Encode(byte[] rgb)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (int y = 0; y < Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(rgb, y * Width * 3, Width * 3);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. type.Select(c => (byte)c), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
