using System.Diagnostics;
using System.Numerics.Tensors;

namespace TfOps.Cli;

/// <summary>What `tfops bench` was asked for.</summary>
internal sealed record BenchSettings(bool SmallOnly, int Reps, int? MaxThreads);

/// <summary>One shape of the benchmark.</summary>
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

    public int Elements => (int)Shape.Aggregate(1L, (a, b) => a * b);

    public long Bytes => (long)Elements * sizeof(float);

    public int Channels => (int)(Format == DataFormat.NHWC ? Shape[^1] : Shape[1]);

    public string Name => $"{Format} [{string.Join(",", Shape)}]";
}

/// <summary>Median milliseconds per call for TfOps and the read reference on one buffer.</summary>
internal sealed record BenchResult(BenchCase Case, double TfOpsMs, double ReferenceMs)
{
    public double TfOpsGBps => Case.Bytes / (TfOpsMs * 1e6);

    public double ReferenceGBps => Case.Bytes / (ReferenceMs * 1e6);
}

/// <summary>
/// Times both candidates round-robin on the same buffer: each measurement batches calls to at
/// least 10 ms so timer resolution and one-off stalls do not dominate small shapes.
/// </summary>
internal static class BenchRunner
{
    private const double BatchMs = 10;

    /// <summary>
    /// Runs every strategy on small inputs, then pauses, before anything is shown or timed: the JIT
    /// tiers hot code up in the background only after a quiet spell, and the progress display
    /// would otherwise keep that from happening.
    /// </summary>
    public static void WarmUp()
    {
        (DataFormat Format, long[] Shape)[] shapes =
            [(DataFormat.NHWC, [1, 1000]), (DataFormat.NHWC, [512, 3]), (DataFormat.NHWC, [256, 64]), (DataFormat.NCHW, [4, 64, 49]), (DataFormat.NCHW, [2, 8, 3136])];
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < 300)
        {
            foreach (var (format, shape) in shapes)
            {
                var x = new float[shape.Aggregate(1L, (a, b) => a * b)];
                var y = new float[format == DataFormat.NHWC ? shape[^1] : shape[1]];
                for (int i = 0; i < 100; i++)
                {
                    BiasAddGrad.Compute<float>(x, shape, format, y);
                }
            }
        }

        Thread.Sleep(300);
    }

    public static BenchResult Measure(BenchCase benchCase, BenchSettings settings)
    {
        var x = new float[benchCase.Elements];
        var random = new Random(12345);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextSingle();
        }

        var y = new float[benchCase.Channels];
        var partial = new float[Environment.ProcessorCount];
        var options = settings.MaxThreads is int n ? new KernelOptions { MaxThreads = n } : null;
        Action tfops = () => BiasAddGrad.Compute<float>(x, benchCase.Shape, benchCase.Format, y, options);
        Action reference = () => ReadReference(x, partial);

        Warm(tfops);
        Warm(reference);
        Thread.Sleep(200); // lets the JIT's background tier-up finish before anything is timed
        int tfopsBatch = Calibrate(tfops), referenceBatch = Calibrate(reference);
        var tfopsTimes = new List<double>();
        var referenceTimes = new List<double>();
        for (int rep = 0; rep < settings.Reps; rep++)
        {
            // Pauses let each side's idle workers (TfOps's, the thread pool's) settle before the other is timed.
            Thread.Sleep(20);
            tfopsTimes.Add(Time(tfops, tfopsBatch));
            Thread.Sleep(20);
            referenceTimes.Add(Time(reference, referenceBatch));
        }

        return new BenchResult(benchCase, Median(tfopsTimes), Median(referenceTimes));
    }

    /// <summary>TensorPrimitives.Sum over the whole buffer split evenly across all cores.</summary>
    private static void ReadReference(float[] x, float[] partial)
    {
        int p = partial.Length;
        Parallel.For(0, p, i =>
        {
            int lo = (int)((long)x.Length * i / p), hi = (int)((long)x.Length * (i + 1) / p);
            partial[i] = TensorPrimitives.Sum(new ReadOnlySpan<float>(x, lo, hi - lo));
        });
    }

    // The JIT promotes hot code to optimized tiers only after the first calls.
    private static void Warm(Action action)
    {
        long warm = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 150)
        {
            action();
        }
    }

    private static int Calibrate(Action action)
    {
        double once = Time(action, 1);
        return (int)Math.Clamp(Math.Ceiling(BatchMs / Math.Max(once, 1e-5)), 1, 1_000_000);
    }

    private static double Time(Action action, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
