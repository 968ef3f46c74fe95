// Child process for the determinism tests. The parent starts it under DOTNET_* switches (thread
// count, SIMD width) and compares what it prints with an unrestricted run: one line per case,
// "<case> <hash of the output bits>", plus the thread settings it saw.
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TfOps;

Console.WriteLine($"# processors={Environment.ProcessorCount} v512={Vector512.IsHardwareAccelerated} v256={Vector256.IsHardwareAccelerated} v128={Vector128.IsHardwareAccelerated}");
Console.WriteLine($"default-max-threads {KernelOptions.DefaultMaxThreads}");
if (args.Length > 0 && args[0] == "--settings-only")
{
    return 0;
}

// Shapes that reach every strategy (single row, column sums with super-rows, plain, tiled; planes
// with several planes per item and with pieces) both on one thread and above the parallel threshold,
// with odd extents. The unrestricted run's lines are also the approved summation order
// (tests/TfOps.Tests/approved/summation-order.txt): change them only on purpose.
(DataFormat Format, long[] Shape)[] shapes =
[
    (DataFormat.NHWC, [1, 1000]),
    (DataFormat.NHWC, [37, 5]),
    (DataFormat.NHWC, [100, 1000]),
    (DataFormat.NHWC, [70001, 3]),
    (DataFormat.NHWC, [2053, 64]),
    (DataFormat.NHWC, [33, 20001]),
    (DataFormat.NCHW, [9, 512, 49]),
    (DataFormat.NCHW, [3, 4, 300]),
    (DataFormat.NCHW, [17, 8, 3136]),
    (DataFormat.NCHW, [2, 3, 150001]),
];

foreach (var (format, shape) in shapes)
{
    Run<float>("float32", format, shape);
    Run<double>("float64", format, shape);
    Run<Half>("float16", format, shape);
    Run<BFloat16>("bfloat16", format, shape);
    Run<Complex64>("complex64", format, shape);
    Run<Complex>("complex128", format, shape);
    Run<int>("int32", format, shape);
}

return 0;

static void Run<T>(string name, DataFormat format, long[] shape)
    where T : unmanaged
{
    int length = (int)shape.Aggregate(1L, (a, b) => a * b);
    int channels = (int)(format == DataFormat.NHWC ? shape[^1] : shape[1]);
    var input = new T[length];
    var random = new Random(length + channels);
    Span<byte> bytes = MemoryMarshal.AsBytes(input.AsSpan());
    if (typeof(T) == typeof(int))
    {
        random.NextBytes(bytes);
    }
    else
    {
        // Non-integral values of mixed sign and magnitude, so every change of summation order shows.
        int lanes = typeof(T) == typeof(Complex64) || typeof(T) == typeof(Complex) ? 2 : 1;
        for (int i = 0; i < length * lanes; i++)
        {
            double v = ((random.NextDouble() * 2) - 1) * Math.Pow(10, random.Next(-3, 4));
            if (typeof(T) == typeof(float) || typeof(T) == typeof(Complex64)) MemoryMarshal.Cast<byte, float>(bytes)[i] = (float)v;
            else if (typeof(T) == typeof(double) || typeof(T) == typeof(Complex)) MemoryMarshal.Cast<byte, double>(bytes)[i] = v;
            else if (typeof(T) == typeof(Half)) MemoryMarshal.Cast<byte, Half>(bytes)[i] = (Half)v;
            else MemoryMarshal.Cast<byte, BFloat16>(bytes)[i] = BFloat16.FromSingle((float)v);
        }
    }

    var output = new T[channels];
    BiasAddGrad.Compute<T>(input, shape, format, output);
    Console.WriteLine($"{name} {format} [{string.Join(",", shape)}] {Fnv1a(MemoryMarshal.AsBytes(output.AsSpan())):x16}");

    var capped = new T[channels];
    BiasAddGrad.Compute<T>(input, shape, format, capped, new KernelOptions { MaxThreads = 1 });
    Console.WriteLine($"{name} {format} [{string.Join(",", shape)}] threads=1 {Fnv1a(MemoryMarshal.AsBytes(capped.AsSpan())):x16}");
}

static ulong Fnv1a(ReadOnlySpan<byte> data)
{
    ulong hash = 14695981039346656037;
    foreach (byte b in data)
    {
        hash = (hash ^ b) * 1099511628211;
    }

    return hash;
}
