using System.Numerics;
using System.Runtime.InteropServices;

namespace TfOps.Tests.Support;

/// <summary>
/// What the tests need to know about an element type, written independently of the kernel: how to
/// make values, read them back as doubles, and wrap an exact integer sum into the type.
/// </summary>
internal static class Dtype<T>
    where T : unmanaged
{
    public static bool IsInteger => typeof(T) == typeof(sbyte) || typeof(T) == typeof(byte) || typeof(T) == typeof(short)
        || typeof(T) == typeof(ushort) || typeof(T) == typeof(int) || typeof(T) == typeof(uint)
        || typeof(T) == typeof(long) || typeof(T) == typeof(ulong);

    public static bool IsComplex => typeof(T) == typeof(Complex64) || typeof(T) == typeof(Complex);

    public static TfDataType DataType => typeof(T) switch
    {
        var t when t == typeof(float) => TfDataType.Float,
        var t when t == typeof(double) => TfDataType.Double,
        var t when t == typeof(Half) => TfDataType.Half,
        var t when t == typeof(BFloat16) => TfDataType.BFloat16,
        var t when t == typeof(Complex64) => TfDataType.Complex64,
        var t when t == typeof(Complex) => TfDataType.Complex128,
        var t when t == typeof(sbyte) => TfDataType.Int8,
        var t when t == typeof(byte) => TfDataType.UInt8,
        var t when t == typeof(short) => TfDataType.Int16,
        var t when t == typeof(ushort) => TfDataType.UInt16,
        var t when t == typeof(int) => TfDataType.Int32,
        var t when t == typeof(uint) => TfDataType.UInt32,
        var t when t == typeof(long) => TfDataType.Int64,
        _ => TfDataType.UInt64,
    };

    /// <summary>Machine epsilon of the accumulator (float32 for the 16-bit floats, by design).</summary>
    public static double AccumulatorEpsilon =>
        typeof(T) == typeof(double) || typeof(T) == typeof(Complex) ? Math.Pow(2, -52) : Math.Pow(2, -23);

    /// <summary>Half an ulp of the output type, relative.</summary>
    public static double OutputRelativeUlp => typeof(T) switch
    {
        var t when t == typeof(Half) => Math.Pow(2, -11),
        var t when t == typeof(BFloat16) => Math.Pow(2, -8),
        var t when t == typeof(double) || t == typeof(Complex) => Math.Pow(2, -53),
        _ => Math.Pow(2, -24),
    };

    /// <summary>A value from two doubles (the imaginary part is ignored for real types); integers take the real part's bits wrapped.</summary>
    public static T Make(double re, double im = 0)
    {
        object value = typeof(T) switch
        {
            var t when t == typeof(float) => (float)re,
            var t when t == typeof(double) => re,
            var t when t == typeof(Half) => (Half)re,
            var t when t == typeof(BFloat16) => BFloat16.FromBits(ReferenceRounding.ToBFloat16Bits((float)re)),
            var t when t == typeof(Complex64) => new Complex64((float)re, (float)im),
            var t when t == typeof(Complex) => new Complex(re, im),
            _ => FromInt128((Int128)re),
        };
        return (T)value;
    }

    /// <summary>Wraps an exact integer modulo 2^bits into the type (two's complement).</summary>
    public static T FromInt128(Int128 value)
    {
        object wrapped = typeof(T) switch
        {
            var t when t == typeof(sbyte) => (sbyte)(long)(value & 0xFF),
            var t when t == typeof(byte) => (byte)(long)(value & 0xFF),
            var t when t == typeof(short) => (short)(long)(value & 0xFFFF),
            var t when t == typeof(ushort) => (ushort)(long)(value & 0xFFFF),
            var t when t == typeof(int) => (int)(long)(value & 0xFFFF_FFFF),
            var t when t == typeof(uint) => (uint)(long)(value & 0xFFFF_FFFF),
            var t when t == typeof(long) => (long)(ulong)(value & ulong.MaxValue),
            var t when t == typeof(ulong) => (ulong)(value & ulong.MaxValue),
            _ => throw new NotSupportedException(typeof(T).Name),
        };
        return (T)wrapped;
    }

    public static Int128 ToInt128(T value) => value switch
    {
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => v,
        _ => throw new NotSupportedException(typeof(T).Name),
    };

    public static (double Re, double Im) ToDoubles(T value) => value switch
    {
        float v => (v, 0),
        double v => (v, 0),
        Half v => ((double)v, 0),
        BFloat16 v => (BitConverter.UInt32BitsToSingle((uint)v.RawValue << 16), 0),
        Complex64 v => (v.Real, v.Imaginary),
        Complex v => (v.Real, v.Imaginary),
        _ => ((double)ToInt128(value), 0),
    };

    /// <summary>A random value: full-range bits for integers (so sums wrap), whole numbers in [-8, 8] or uniform reals for floats.</summary>
    public static T Random(Random random, bool wholeNumbers)
    {
        if (IsInteger)
        {
            Span<byte> bits = stackalloc byte[Marshal.SizeOf<T>()];
            random.NextBytes(bits);
            return MemoryMarshal.Read<T>(bits);
        }

        return wholeNumbers
            ? Make(random.Next(-8, 9), random.Next(-8, 9))
            : Make((random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1);
    }

    public static T[] RandomArray(int length, int seed, bool wholeNumbers)
    {
        var random = new Random(seed);
        var values = new T[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Random(random, wholeNumbers);
        }

        return values;
    }

    /// <summary>The stored bits, for bit-for-bit comparisons (so NaN == NaN and -0 != +0).</summary>
    public static byte[] Bits(ReadOnlySpan<T> values) => MemoryMarshal.AsBytes(values).ToArray();
}
