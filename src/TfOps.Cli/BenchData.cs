using System.Runtime.InteropServices;

namespace TfOps.Cli;

/// <summary>
/// The benchmark's input bytes for a dtype, from a fixed seed. Floating dtypes (and both parts of
/// complex ones) hold U[0,1) like the harness's float32 buffers: well-conditioned sums, no
/// subnormals, infinities or NaNs, which could change the speed of floating-point adds. Integer and
/// quantized dtypes hold random bytes (their sums wrap, at a speed that does not depend on the values).
/// </summary>
internal static class BenchData
{
    public static byte[] Create(TfDataType dtype, long elements, int seed = 12345)
    {
        var bytes = new byte[checked(elements * TfDataTypes.ElementSize(dtype))];
        var random = new Random(seed);
        switch (dtype)
        {
            case TfDataType.Float or TfDataType.Complex64:
                Fill(MemoryMarshal.Cast<byte, float>(bytes.AsSpan()), random, v => v);
                break;
            case TfDataType.Double or TfDataType.Complex128:
                Fill(MemoryMarshal.Cast<byte, double>(bytes.AsSpan()), random, v => v);
                break;
            case TfDataType.Half:
                Fill(MemoryMarshal.Cast<byte, Half>(bytes.AsSpan()), random, v => (Half)v);
                break;
            case TfDataType.BFloat16:
                Fill(MemoryMarshal.Cast<byte, BFloat16>(bytes.AsSpan()), random, BFloat16.FromSingle);
                break;
            default:
                random.NextBytes(bytes);
                break;
        }

        return bytes;
    }

    private static void Fill<T>(Span<T> values, Random random, Func<float, T> convert)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = convert(random.NextSingle());
        }
    }
}
