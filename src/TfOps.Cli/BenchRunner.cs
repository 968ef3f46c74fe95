using System.Diagnostics;

namespace TfOps.Cli;

/// <summary>What `tfops bench` was asked for.</summary>
internal sealed record BenchSettings(TfDataType DataType, BenchShapeSet Shapes, int Reps, int? MaxThreads)
{
    /// <summary>Each measurement repeats calls for at least this long (the harness's default).</summary>
    public const double BatchMs = 20;

    /// <summary>The pause before each measurement (the harness's default).</summary>
    public const int PauseMs = 20;

    /// <summary>The fewest timed rounds a measurement may have.</summary>
    public const int MinReps = 3;
}

/// <summary>Timings of one candidate on one shape, in milliseconds per call.</summary>
internal sealed record BenchTimes(double MedianMs, double P25Ms, double P75Ms, double MinMs, int CallsPerMeasurement, IReadOnlyList<double> TimesMs)
{
    public static BenchTimes From(List<double> times, int calls) =>
        new(Percentile(times, 0.5), Percentile(times, 0.25), Percentile(times, 0.75), times.Min(), calls, times);

    public double GBps(long bytes) => bytes / (MedianMs * 1e6);

    // Linear interpolation between order statistics, as the harness computes its percentiles.
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        double position = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(position), hi = (int)Math.Ceiling(position);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (position - lo));
    }
}

/// <summary>One shape's result: TfOps and the read reference over the same bytes.</summary>
internal sealed record BenchResult(BenchCase Case, TfDataType DataType, BenchTimes TfOps, BenchTimes Reference, double ParallelProbe)
{
    public long Bytes => Case.Bytes(DataType);

    public double TfOpsGBps => TfOps.GBps(Bytes);

    public double ReferenceGBps => Reference.GBps(Bytes);

    /// <summary>TfOps's throughput over the read reference's (above 1: faster than reading the bytes once on all cores).</summary>
    public double Ratio => Reference.MedianMs / TfOps.MedianMs;
}

/// <summary>
/// Times TfOps and the read reference on the same buffer with the shared perf harness's procedure,
/// so that the two tools' ratios can be compared: targets bound once; each warmed with three calls;
/// calls per measurement from the fastest of three single calls, enough for <see cref="BenchSettings.BatchMs"/>;
/// one untimed settling round, then rounds that each start with the two-core probe and time both
/// candidates in turn (the first one alternating), each after a <see cref="BenchSettings.PauseMs"/> pause;
/// medians over the rounds.
/// </summary>
/// <remarks>
/// Why (docs/benchmarks.md has the measurements): the runner this replaces sized its batches from
/// ONE call timed right after a 200 ms sleep, batched only 10 ms and paused 20 ms before each
/// measurement. After a pause, Parallel.For - the read reference - is slow for many calls: its
/// thread-pool worker has gone to sleep (on a VM its vCPU may be descheduled too), and each call
/// queues a replica and waits for it (1 MB buffer: 250 us, then 90-120 us per call for a dozen
/// calls, against 16-20 us in a long batch). TfOps's own workers poll for 0.1 ms and are woken
/// directly, so TfOps is back at speed on its second call. The slow calibration call chose short
/// batches, so the reference's measurements were mostly that ramp, and TfOps looked 2-15 times
/// faster than reading its own input. Calibrating from the fastest of three warmed calls, 20 ms
/// batches, a settling round and a loop body bound once (ReadReference) remove the asymmetry.
/// </remarks>
internal static class BenchRunner
{
    /// <summary>
    /// Runs both candidates on two small shapes, then pauses, before anything is timed: the JIT
    /// promotes hot code to optimized code in the background only after a quiet spell.
    /// </summary>
    public static void WarmUp(TfDataType dtype, KernelOptions? options)
    {
        foreach (var benchCase in new BenchCase[] { new(DataFormat.NHWC, [8, 8, 8, 64]), new(DataFormat.NCHW, [8, 64, 8, 8]) })
        {
            byte[] input = BenchData.Create(dtype, benchCase.Elements);
            BenchTarget[] targets = [new TfOpsTarget(dtype, input, benchCase, options), new ReadReferenceTarget(input)];
            foreach (var target in targets)
            {
                for (int i = 0; i < 200; i++)
                {
                    target.Run();
                }
            }
        }

        Thread.Sleep(300);
    }

    public static BenchResult Measure(BenchCase benchCase, BenchSettings settings)
    {
        byte[] input = BenchData.Create(settings.DataType, benchCase.Elements);
        var options = settings.MaxThreads is int n ? new KernelOptions { MaxThreads = n } : null;
        BenchTarget[] targets = [new TfOpsTarget(settings.DataType, input, benchCase, options), new ReadReferenceTarget(input)];
        int[] calls = [.. targets.Select(Calibrate)];

        var times = new[] { new List<double>(), new List<double>() };
        var probe = new List<double>();
        for (int round = -1; round < settings.Reps; round++)
        {
            // Round -1 settles (untimed); the two-core probe runs first in every round, as in the harness.
            Thread.Sleep(2);
            probe.Add(ParallelProbe.Measure());
            for (int turn = 0; turn < targets.Length; turn++)
            {
                int index = (Math.Max(round, 0) + turn) % targets.Length;
                Thread.Sleep(BenchSettings.PauseMs);
                double ms = Time(targets[index], calls[index]);
                if (round >= 0)
                {
                    times[index].Add(ms);
                }
            }
        }

        return new BenchResult(
            benchCase,
            settings.DataType,
            BenchTimes.From(times[0], calls[0]),
            BenchTimes.From(times[1], calls[1]),
            Median(probe));
    }

    /// <summary>Calls per measurement: enough for <see cref="BenchSettings.BatchMs"/> at the fastest of three warmed single calls.</summary>
    private static int Calibrate(BenchTarget target)
    {
        for (int i = 0; i < 3; i++)
        {
            target.Run();
        }

        double fastest = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            fastest = Math.Min(fastest, Time(target, 1));
        }

        return (int)Math.Clamp(Math.Ceiling(BenchSettings.BatchMs / Math.Max(fastest, 1e-5)), 1, 1_000_000);
    }

    private static double Time(BenchTarget target, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            target.Run();
        }

        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
