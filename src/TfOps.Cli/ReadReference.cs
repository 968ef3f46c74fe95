using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Cli;

/// <summary>
/// The read reference: TensorPrimitives.Sum over a buffer's bytes viewed as float32 (whatever the
/// dtype, so every dtype has the same yardstick), split into one equal chunk per core with
/// Parallel.For: what it costs to read the buffer once on every core. It is the shared perf
/// harness's <c>bwN</c>, written the same way: the loop body is one delegate made once, and the
/// partial sums are doubles. Trailing bytes that do not fill a float32 are not read (no benchmark
/// shape has any). Also compiled into benchmarks/TfOps.Benchmarks, so both measure the same thing.
/// </summary>
internal sealed class ReadReference
{
    private readonly double[] _partial;
    private readonly Action<int> _body;

    /// <summary>Binds the reference to the bytes of <paramref name="input"/>, an array of a primitive type (bytes or floats).</summary>
    public ReadReference(Array input)
    {
        int parts = Environment.ProcessorCount;
        long floats = Buffer.ByteLength(input) / sizeof(float);
        _partial = new double[parts];
        _body = part =>
        {
            long lo = floats * part / parts, hi = floats * (part + 1) / parts;
            ref byte start = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(input), (nint)(lo * sizeof(float)));
            var chunk = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, float>(ref start), checked((int)(hi - lo)));
            _partial[part] = TensorPrimitives.Sum(chunk);
        };
    }

    /// <summary>The sum of the last run (so the reads cannot be optimized away, and tests can check them).</summary>
    public double Total { get; private set; }

    public void Run()
    {
        Parallel.For(0, _partial.Length, _body);
        double total = 0;
        foreach (double part in _partial)
        {
            total += part;
        }

        Total = total;
    }
}
