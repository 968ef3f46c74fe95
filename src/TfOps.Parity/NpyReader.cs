using System.Numerics;
using System.Runtime.InteropServices;
using NumSharp;

namespace TfOps.Parity;

/// <summary>
/// Reads .npy files for a known dtype. The header (descr, fortran_order, shape) is parsed by
/// <see cref="NpyHeader"/> and checked against the dtype and the payload length; the elements come
/// from NumSharp's <c>np.load_npy</c> (complex64, which NumSharp widens to complex128, is narrowed
/// back) and must agree byte for byte with the payload the header describes. Where NumSharp cannot
/// read a file that the header reader accepts, the header reader's payload is used.
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

        byte[] raw = file[header.DataOffset..];
        byte[]? viaNumSharp = TryNumSharp(file, dtype, count);
        if (viaNumSharp is null)
        {
            return new NpyTensor(dtype, header.Shape, raw, "header");
        }

        return viaNumSharp.AsSpan().SequenceEqual(raw) || SameNaNs(viaNumSharp, raw, dtype)
            ? new NpyTensor(dtype, header.Shape, viaNumSharp, "numsharp")
            : throw new NpyFormatException($"{name}: NumSharp's np.load_npy and the header reader disagree about the data");
    }

    private static byte[]? TryNumSharp(byte[] file, GoldenDtype dtype, long count)
    {
        try
        {
            using NDArray array = np.load_npy(file, false, 1 << 20);
            if (array.size != count)
            {
                return null;
            }

            return dtype.DataType switch
            {
                TfDataType.Half => Bytes(array.ToArray<Half>()),
                TfDataType.Float => Bytes(array.ToArray<float>()),
                TfDataType.Double => Bytes(array.ToArray<double>()),
                TfDataType.Complex64 => Bytes(array.ToArray<Complex>().Select(c => new Complex64((float)c.Real, (float)c.Imaginary)).ToArray()),
                TfDataType.Complex128 => Bytes(array.ToArray<Complex>()),
                TfDataType.Int8 or TfDataType.QInt8 => Bytes(array.ToArray<sbyte>()),
                TfDataType.UInt8 or TfDataType.QUInt8 => Bytes(array.ToArray<byte>()),
                TfDataType.Int16 or TfDataType.QInt16 => Bytes(array.ToArray<short>()),
                TfDataType.UInt16 or TfDataType.QUInt16 or TfDataType.BFloat16 => Bytes(array.ToArray<ushort>()),
                TfDataType.Int32 or TfDataType.QInt32 => Bytes(array.ToArray<int>()),
                TfDataType.UInt32 => Bytes(array.ToArray<uint>()),
                TfDataType.Int64 => Bytes(array.ToArray<long>()),
                TfDataType.UInt64 => Bytes(array.ToArray<ulong>()),
                TfDataType.Bool => Bytes(array.ToArray<bool>()),
                _ => null,
            };
        }
#pragma warning disable CA1031 // NumSharp's failures are many and undocumented; the header reader's payload stands in.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    // Widening complex64 to complex128 and back keeps every value, but a NaN's payload bits may change.
    private static bool SameNaNs(byte[] a, byte[] b, GoldenDtype dtype)
    {
        if (dtype.DataType != TfDataType.Complex64 || a.Length != b.Length)
        {
            return false;
        }

        var x = MemoryMarshal.Cast<byte, float>(a);
        var y = MemoryMarshal.Cast<byte, float>(b);
        for (int i = 0; i < x.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(x[i]) != BitConverter.SingleToInt32Bits(y[i]) && !(float.IsNaN(x[i]) && float.IsNaN(y[i])))
            {
                return false;
            }
        }

        return true;
    }
}
