using BenchmarkDotNet.Attributes;
using TfOps.Cli;

namespace TfOps.Benchmarks;

/// <summary>float32 BiasAddGrad on the shapes against its peers, on the same buffer.</summary>
[MemoryDiagnoser]
public class Float32Benchmarks
{
    private float[] _x = [];
    private float[] _y = [];
    private ReadReference? _reference;
    private OnnxReduceSum? _onnx;

    public static IEnumerable<BenchShape> Shapes => BenchShape.All;

    [ParamsSource(nameof(Shapes))]
    public BenchShape Shape { get; set; } = BenchShape.All[0];

    [GlobalSetup]
    public void Setup()
    {
        _x = new float[Shape.Elements];
        var random = new Random(12345);
        for (int i = 0; i < _x.Length; i++)
        {
            _x[i] = random.NextSingle();
        }

        _y = new float[Shape.Channels];
        _reference = new ReadReference(_x);
        _onnx = new OnnxReduceSum(Shape, _x, _y);
    }

    [GlobalCleanup]
    public void Cleanup() => _onnx?.Dispose();

    [Benchmark(Baseline = true, Description = "read reference (TensorPrimitives.Sum, all cores)")]
    public double ReadReference()
    {
        _reference!.Run();
        return _reference.Total;
    }

    [Benchmark(Description = "TfOps")]
    public void Kernel() => BiasAddGrad.Compute<float>(_x, Shape.Shape, Shape.Format, _y);

    [Benchmark(Description = "naive loop")]
    public void Naive() => Baselines.Naive(_x, Shape, _y);

    [Benchmark(Description = "TensorPrimitives, plain")]
    public void TensorPrimitivesPlain() => Baselines.TensorPrimitivesPlain(_x, Shape, _y);

    [Benchmark(Description = "ONNX Runtime ReduceSum")]
    public void OnnxRuntime() => _onnx!.Run();
}
