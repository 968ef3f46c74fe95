using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TfOps.Parity;

/// <summary>
/// The header of a .npy file (format versions 1-3): magic, version, and the Python dict literal
/// with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>. Parsed here, not by NumSharp, because
/// NumSharp widens complex64 to complex128 and reads a rank-0 array as shape [1]: the manifest's
/// dtype and shape are checked against what the file really says.
/// </summary>
public sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, int DataOffset)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Number of elements (the product of <see cref="Shape"/>; 1 for rank 0).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, dim) => checked(product * dim));

    /// <summary>Parses the header at the start of <paramref name="file"/>; throws <see cref="FormatException"/> with the reason.</summary>
    public static NpyHeader Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 10 || !file[..6].SequenceEqual(Magic))
        {
            throw new FormatException("not an .npy file (missing the \\x93NUMPY magic)");
        }

        int major = file[6];
        int headerLength, start;
        switch (major)
        {
            case 1:
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
                start = 10;
                break;
            case 2 or 3:
                if (file.Length < 12)
                {
                    throw new FormatException("truncated .npy header");
                }

                uint length = BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
                headerLength = length > int.MaxValue - 12 ? throw new FormatException("implausible .npy header length") : (int)length;
                start = 12;
                break;
            default:
                throw new FormatException($"unsupported .npy format version {major}.{file[7]}");
        }

        if (file.Length < start + headerLength)
        {
            throw new FormatException($"truncated .npy header: {headerLength} bytes announced, {file.Length - start} present");
        }

        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(file.Slice(start, headerLength));
        var dict = new HeaderDictParser(text).Parse();
        string descr = dict.TryGetValue("descr", out var d) && d is string s ? s : throw new FormatException("the .npy header has no string 'descr'");
        bool fortran = dict.TryGetValue("fortran_order", out var f) && f is bool b ? b : throw new FormatException("the .npy header has no boolean 'fortran_order'");
        long[] shape = dict.TryGetValue("shape", out var t) && t is long[] dims ? dims : throw new FormatException("the .npy header has no tuple 'shape'");
        return new NpyHeader(descr, fortran, shape, start + headerLength);
    }

    /// <summary>The shape as numpy prints it in a header, e.g. <c>(2, 3)</c>, <c>(5,)</c>, <c>()</c>.</summary>
    public static string FormatShape(IReadOnlyList<long> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => "(" + string.Join(", ", shape.Select(x => x.ToString(CultureInfo.InvariantCulture))) + ")",
    };
}
