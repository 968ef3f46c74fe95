using BenchmarkDotNet.Attributes;
using TfOps.Cli;

namespace TfOps.Benchmarks;

/// <summary>
/// Every dtype family on the shapes of 50 MB or more (as float32) against the read reference over
/// the same bytes (the buffer viewed as float32, all cores), so the Ratio column reads as in
/// `tfops bench`: TfOps's time over the time of reading its input once (below 1 = faster than reading).
/// Integer data are random bytes, floating data U[0,1) (BenchData, shared with `tfops bench`).
/// </summary>
[MemoryDiagnoser]
public class DtypeBenchmarks
{
    private byte[] _x = [];
    private byte[] _y = [];
    private ReadReference? _reference;

    /// <summary>The dtype families of issue 12: the float kinds, 16-bit floats, complex, 8- and 32-bit integers.</summary>
    public static IEnumerable<TfDataType> DataTypes =>
        [TfDataType.Float, TfDataType.Double, TfDataType.Half, TfDataType.BFloat16, TfDataType.Complex64, TfDataType.Int8, TfDataType.Int32];

    public static IEnumerable<BenchShape> Shapes => BenchShape.All.Where(s => s.Elements * 4L >= 50_000_000);

    [ParamsSource(nameof(DataTypes))]
    public TfDataType Dtype { get; set; }

    [ParamsSource(nameof(Shapes))]
    public BenchShape Shape { get; set; } = BenchShape.All[0];

    [GlobalSetup]
    public void Setup()
    {
        _x = BenchData.Create(Dtype, Shape.Elements);
        _y = new byte[Shape.Channels * TfDataTypes.ElementSize(Dtype)];
        _reference = new ReadReference(_x);
    }

    [Benchmark(Baseline = true, Description = "read reference (same bytes as float32, all cores)")]
    public double ReadReference()
    {
        _reference!.Run();
        return _reference.Total;
    }

    [Benchmark(Description = "TfOps")]
    public void Kernel() => BiasAddGrad.Compute(Dtype, _x, Shape.Shape, Shape.Format, _y);
}
