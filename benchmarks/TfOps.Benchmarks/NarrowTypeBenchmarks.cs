using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace TfOps.Benchmarks;

/// <summary>float16, bfloat16 and int8 rows: the widening paths, against a naive loop over the raw bytes overload's dtype.</summary>
[MemoryDiagnoser]
public class NarrowTypeBenchmarks
{
    private byte[] _x = [];
    private byte[] _y = [];

    [Params(TfDataType.Half, TfDataType.BFloat16, TfDataType.Int8)]
    public TfDataType Dtype { get; set; }

    public static IEnumerable<BenchShape> Shapes => [BenchShape.All[0], BenchShape.All[1], BenchShape.All[6]];

    [ParamsSource(nameof(Shapes))]
    public BenchShape Shape { get; set; } = BenchShape.All[0];

    [GlobalSetup]
    public void Setup()
    {
        int size = TfDataTypes.ElementSize(Dtype);
        _x = new byte[Shape.Elements * size];
        var random = new Random(7);
        if (Dtype == TfDataType.Int8)
        {
            random.NextBytes(_x);
        }
        else
        {
            var halves = MemoryMarshal.Cast<byte, ushort>(_x.AsSpan());
            for (int i = 0; i < halves.Length; i++)
            {
                float v = random.NextSingle();
                halves[i] = Dtype == TfDataType.Half ? BitConverter.HalfToUInt16Bits((Half)v) : BFloat16.FromSingle(v).RawValue;
            }
        }

        _y = new byte[Shape.Channels * size];
    }

    [Benchmark(Description = "TfOps")]
    public void Kernel() => BiasAddGrad.Compute(Dtype, _x, Shape.Shape, Shape.Format, _y);

    [Benchmark(Baseline = true, Description = "naive loop (float accumulators)")]
    public float Naive()
    {
        int outer = Shape.Outer, channels = Shape.Channels, inner = Shape.Inner;
        var sums = new float[channels];
        int at = 0;
        var halves = MemoryMarshal.Cast<byte, ushort>(_x.AsSpan());
        for (int n = 0; n < outer; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                for (int i = 0; i < inner; i++, at++)
                {
                    sums[c] += Dtype switch
                    {
                        TfDataType.Int8 => (sbyte)_x[at],
                        TfDataType.Half => (float)BitConverter.UInt16BitsToHalf(halves[at]),
                        _ => BitConverter.UInt32BitsToSingle((uint)halves[at] << 16),
                    };
                }
            }
        }

        return sums[0];
    }
}
