namespace TfOps.Benchmarks;

/// <summary>One benchmark shape: the issue's list of float32 shapes, in TensorFlow's two layouts.</summary>
public sealed record BenchShape(DataFormat Format, long[] Shape)
{
    public static readonly BenchShape[] All =
    [
        new(DataFormat.NHWC, [32, 56, 56, 64]),
        new(DataFormat.NCHW, [32, 64, 56, 56]),
        new(DataFormat.NHWC, [64, 112, 112, 32]),
        new(DataFormat.NCHW, [64, 32, 112, 112]),
        new(DataFormat.NHWC, [256, 1024]),
        new(DataFormat.NCHW, [256, 1024, 1]),
        new(DataFormat.NHWC, [4194304, 3]),
        new(DataFormat.NCHW, [16, 3, 512, 512]),
        new(DataFormat.NCHW, [256, 512, 7, 7]),
        new(DataFormat.NHWC, [256, 7, 7, 512]),
        new(DataFormat.NHWC, [1, 1000]),
    ];

    /// <summary>The op's view of the shape: [Outer, Channels, Inner].</summary>
    public BiasAddGradShape Validated => BiasAddGrad.Validate(TfDataType.Float, Shape, Format);

    public int Channels => (int)Validated.Channels;

    public int Outer => (int)Validated.Outer;

    public int Inner => (int)Validated.Inner;

    public int Elements => (int)Validated.ElementCount;

    /// <summary>Every axis but the channel axis (what a generic reduce-sum is asked for).</summary>
    public long[] ReduceAxes => [.. Enumerable.Range(0, Shape.Length).Where(a => a != Validated.ChannelAxis).Select(a => (long)a)];

    public override string ToString() => $"{Format} [{string.Join(",", Shape)}]";
}
