using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TfOps.Cli;

/// <summary>
/// Were all cores really ours? Throughput of <see cref="Environment.ProcessorCount"/> spinning
/// thread-pool tasks over about 10 ms against one spinning thread (the shared perf harness's
/// two-thread probe, generalized): about the core count when every core ran, about 1 when the host
/// gave us one. Benchmarks on shared machines are only as good as this number.
/// </summary>
internal static class ParallelProbe
{
    private static long s_sink;

    public static double Measure()
    {
        int cores = Environment.ProcessorCount;
        if (cores < 2)
        {
            return 1;
        }

        var spins = Enumerable.Repeat<Action>(Spin, cores).ToArray();
        return cores * PerCall(Spin) / PerCall(() => Parallel.Invoke(spins));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Spin()
    {
        ulong x = 12345;
        for (int i = 0; i < 100_000; i++)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
        }

        Interlocked.Add(ref s_sink, (long)x);
    }

    private static double PerCall(Action action)
    {
        int calls = 0;
        long start = Stopwatch.GetTimestamp();
        do
        {
            action();
            calls++;
        }
        while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < 10);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }
}
