namespace TfOps.Kernels.Threading;

/// <summary>
/// A small persistent fork-join for the few cores a host has. Parallel.For costs more per call
/// than a mid-sized reduction takes; these workers poll briefly after a call, then sleep on their
/// own semaphore and are woken directly. One parallel call runs at a time: a concurrent caller simply runs its items on its
/// own thread, which gives the same bits (items have fixed result slots).
/// </summary>
internal static class ForkJoin
{
    private static readonly Lock s_gate = new();
    private static ParallelWork? s_current;
    private static int s_generation;

    /// <summary>Per worker: 1 while it sleeps on its semaphore (the caller must release it), 0 while it spins.</summary>
    private static readonly int[] s_sleeping = new int[Math.Max(0, Environment.ProcessorCount - 1)];

    /// <summary>
    /// How long a worker keeps polling for the next call before it sleeps. Back-to-back calls then
    /// find it running instead of paying a futex wake-up (tens of microseconds on a busy VM).
    /// </summary>
    private static readonly long s_spinTicks = System.Diagnostics.Stopwatch.Frequency / 10_000;

    // Last: the workers start here and read the fields above.
    private static readonly SemaphoreSlim[] s_wake = CreateWorkers();

    /// <summary>Threads available to one call, the caller included.</summary>
    public static int MaxParticipants => s_wake.Length + 1;

    /// <summary>
    /// Takes the pool for one call; false when another call holds it (run on the calling thread then).
    /// A work object shared between calls may only be touched while the pool is held.
    /// </summary>
    public static bool TryEnter() => s_wake.Length > 0 && s_gate.TryEnter();

    /// <summary>Gives the pool back.</summary>
    public static void Exit() => s_gate.Exit();

    /// <summary>Runs <paramref name="items"/> items of <paramref name="work"/> on up to <paramref name="threads"/> threads; the pool must be held.</summary>
    public static void Run(ParallelWork work, int items, int threads)
    {
        threads = Math.Clamp(threads, 1, MaxParticipants);
        work.Open(items, threads);
        Volatile.Write(ref s_current, work);
        Interlocked.Increment(ref s_generation);
        try
        {
            for (int w = 0; w < threads - 1; w++)
            {
                if (Interlocked.Exchange(ref s_sleeping[w], 0) == 1)
                {
                    s_wake[w].Release();
                }
            }

            work.RunAndClose();
        }
        finally
        {
            Volatile.Write(ref s_current, null);
        }
    }

    private static SemaphoreSlim[] CreateWorkers()
    {
        var wake = new SemaphoreSlim[s_sleeping.Length];
        for (int w = 0; w < wake.Length; w++)
        {
            wake[w] = new SemaphoreSlim(0);
            int home = w + 1;
            var signal = wake[w];
            var thread = new Thread(() => WorkerLoop(signal, home - 1))
            {
                IsBackground = true,
                Name = $"TfOps worker {home}",
            };
            thread.Start();
        }

        return wake;
    }

    private static void WorkerLoop(SemaphoreSlim signal, int index)
    {
        int seen = Volatile.Read(ref s_generation);
        while (true)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            while (Volatile.Read(ref s_generation) == seen)
            {
                if (System.Diagnostics.Stopwatch.GetTimestamp() - start < s_spinTicks)
                {
                    Thread.SpinWait(16);
                    continue;
                }

                // Announce the sleep (a full fence, so the look below cannot move before it), then look
                // once more: a caller that bumped the generation in between either sees the flag and
                // releases us, or we see its generation here.
                Interlocked.Exchange(ref s_sleeping[index], 1);
                if (Volatile.Read(ref s_generation) == seen)
                {
                    signal.Wait();
                }

                Volatile.Write(ref s_sleeping[index], 0);
                start = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            seen = Volatile.Read(ref s_generation);
            Volatile.Read(ref s_current)?.Participate(index + 1);
        }
    }
}
