namespace TfOps.Kernels;

/// <summary>
/// A small persistent fork-join for the few cores a host has. Parallel.For costs more per call
/// than a mid-sized reduction takes; these workers sleep on their own semaphore and are woken
/// directly. One parallel call runs at a time: a concurrent caller simply runs its items on its
/// own thread, which gives the same bits (items have fixed result slots).
/// </summary>
internal static class ForkJoin
{
    private static readonly Lock s_gate = new();
    private static readonly SemaphoreSlim[] s_wake = CreateWorkers();
    private static ParallelWork? s_current;

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
        try
        {
            for (int w = 0; w < threads - 1; w++)
            {
                s_wake[w].Release();
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
        var wake = new SemaphoreSlim[Math.Max(0, Environment.ProcessorCount - 1)];
        for (int w = 0; w < wake.Length; w++)
        {
            wake[w] = new SemaphoreSlim(0);
            int home = w + 1;
            var signal = wake[w];
            var thread = new Thread(() => WorkerLoop(signal, home))
            {
                IsBackground = true,
                Name = $"TfOps worker {home}",
            };
            thread.Start();
        }

        return wake;
    }

    private static void WorkerLoop(SemaphoreSlim signal, int home)
    {
        while (true)
        {
            signal.Wait();
            Volatile.Read(ref s_current)?.Participate(home);
        }
    }
}
