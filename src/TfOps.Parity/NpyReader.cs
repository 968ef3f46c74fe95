namespace TfOps.Parity;

/// <summary>
/// Reads .npy files for a known dtype. The header (descr, fortran_order, shape) is authoritative:
/// <see cref="NpyHeader"/> parses it, it is checked against the dtype and the payload length, and the
/// payload is taken as the little-endian, C-order storage it describes. (NumSharp's reader is not used:
/// it widens complex64 to complex128, has no bfloat16 and reads a 0-d array as shape [1].)
/// </summary>
public static class NpyReader
{
    /// <summary>Reads <paramref name="path"/> as <paramref name="dtype"/>; throws <see cref="NpyFormatException"/> with the reason.</summary>
    public static NpyTensor Read(string path, GoldenDtype dtype)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NpyFormatException(e is FileNotFoundException or DirectoryNotFoundException ? $"missing file {path}" : $"cannot read {path}: {e.Message}", e);
        }

        return Read(file, dtype, path);
    }

    /// <summary>Reads .npy bytes as <paramref name="dtype"/>; <paramref name="name"/> names the source in messages.</summary>
    public static NpyTensor Read(byte[] file, GoldenDtype dtype, string name)
    {
        NpyHeader header;
        try
        {
            header = NpyHeader.Parse(file);
        }
        catch (FormatException e)
        {
            throw new NpyFormatException($"{name}: {e.Message}", e);
        }

        if (!dtype.Accepts(header.Descr))
        {
            throw new NpyFormatException($"{name}: holds descr '{header.Descr}', but dtype {dtype.Name} is stored as '{dtype.Descr}'");
        }

        if (header.FortranOrder)
        {
            throw new NpyFormatException($"{name}: Fortran-ordered arrays are not supported (write C order)");
        }

        long count;
        try
        {
            count = header.ElementCount;
        }
        catch (OverflowException e)
        {
            throw new NpyFormatException($"{name}: shape {NpyHeader.FormatShape(header.Shape)} overflows", e);
        }

        long payload = file.LongLength - header.DataOffset, needed = count * dtype.ElementSize;
        if (payload != needed)
        {
            string what = payload < needed ? "truncated" : "has trailing bytes";
            throw new NpyFormatException($"{name}: {what}: shape {NpyHeader.FormatShape(header.Shape)} of {dtype.Name} needs {needed} data bytes, the file holds {payload}");
        }

        return new NpyTensor(dtype, header.Shape, file[header.DataOffset..]);
    }
}
