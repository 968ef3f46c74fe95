namespace TfOps.Cli;

/// <summary>Which of the benchmark's shapes to run.</summary>
internal enum BenchShapeSet
{
    /// <summary>Every shape.</summary>
    All,

    /// <summary>The shapes under 30 MB as float32 (they sit in or near the caches).</summary>
    Small,

    /// <summary>The shapes of 50 MB or more as float32: beyond this machine's caches, where the read reference is a fair yardstick.</summary>
    Large,
}

/// <summary>
/// One shape of the benchmark: the shared perf harness's eleven shapes, so that `tfops bench` and
/// the harness measure the same tensors. Sizes are stated as float32 (the harness's dtype); other
/// dtypes keep the shape, so their buffers are 1/4 (int8) to 4 (complex128) times as large.
/// </summary>
internal sealed record BenchCase(DataFormat Format, long[] Shape)
{
    public static readonly BenchCase[] All =
    [
        new(DataFormat.NHWC, [1, 1000]),
        new(DataFormat.NHWC, [256, 1024]),
        new(DataFormat.NCHW, [256, 1024, 1]),
        new(DataFormat.NHWC, [32, 56, 56, 64]),
        new(DataFormat.NCHW, [32, 64, 56, 56]),
        new(DataFormat.NCHW, [256, 512, 7, 7]),
        new(DataFormat.NHWC, [256, 7, 7, 512]),
        new(DataFormat.NHWC, [4194304, 3]),
        new(DataFormat.NCHW, [16, 3, 512, 512]),
        new(DataFormat.NHWC, [64, 112, 112, 32]),
        new(DataFormat.NCHW, [64, 32, 112, 112]),
    ];

    /// <summary>The shapes of <paramref name="set"/>, in the order above.</summary>
    public static IReadOnlyList<BenchCase> Select(BenchShapeSet set) => set switch
    {
        BenchShapeSet.Small => [.. All.Where(c => c.Float32Bytes < 30_000_000)],
        BenchShapeSet.Large => [.. All.Where(c => c.Float32Bytes >= 50_000_000)],
        _ => All,
    };

    /// <summary>The op's own view of the shape (as float32; sizes scale with the dtype).</summary>
    public BiasAddGradShape Validated(TfDataType dtype = TfDataType.Float) => BiasAddGrad.Validate(dtype, Shape, Format);

    public long Elements => Validated().ElementCount;

    public long Float32Bytes => Validated().InputByteCount;

    /// <summary>Input bytes for <paramref name="dtype"/>.</summary>
    public long Bytes(TfDataType dtype) => Validated(dtype).InputByteCount;

    public int Channels => (int)Validated().Channels;

    public string Name => $"{Format} [{string.Join(",", Shape)}]";
}
