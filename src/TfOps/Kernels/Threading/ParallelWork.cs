using System.Runtime.InteropServices;

namespace TfOps.Kernels.Threading;

/// <summary>
/// A set of independent work items shared by a few threads. Items are dealt in contiguous ranges,
/// one per participant, so each thread streams its own part of memory; a participant that finishes
/// early takes items from the other ranges, so a thread the host has descheduled cannot hold the
/// call up. Every item writes its own result slot, so who runs what never changes a result.
/// </summary>
internal abstract class ParallelWork
{
    /// <summary>Participants inside <see cref="Participate"/>; -1 once the owner has closed the work.</summary>
    private int _active = -1;
    private int _remaining;
    private int _ranges;
    private Exception? _failure;
    private readonly Range[] _rangeTable = new Range[Math.Max(1, Environment.ProcessorCount)];

    protected abstract void RunItem(int item);

    /// <summary>Opens the work for <paramref name="participants"/> ranges over <paramref name="items"/> items.</summary>
    internal void Open(int items, int participants)
    {
        _ranges = Math.Min(participants, _rangeTable.Length);
        for (int r = 0; r < _ranges; r++)
        {
            _rangeTable[r].Next = (int)((long)items * r / _ranges);
            _rangeTable[r].End = (int)((long)items * (r + 1) / _ranges);
        }

        _failure = null;
        Volatile.Write(ref _remaining, items);
        Volatile.Write(ref _active, 1);
    }

    /// <summary>Runs items, starting with range <paramref name="home"/>, if the work is still open.</summary>
    internal void Participate(int home)
    {
        // Workers beyond this call's thread cap stay out.
        if (home >= Volatile.Read(ref _ranges))
        {
            return;
        }

        while (true)
        {
            int active = Volatile.Read(ref _active);
            if (active < 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _active, active + 1, active) == active)
            {
                break;
            }
        }

        try
        {
            Drain(home);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>The owner's part: its own range, then whatever is left, then waits and closes.</summary>
    internal void RunAndClose()
    {
        Drain(0);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _remaining) > 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        // Only the owner may be inside now; closing makes late-waking workers leave untouched.
        spin = default;
        while (Interlocked.CompareExchange(ref _active, -1, 1) != 1)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (_failure is { } failure)
        {
            throw new TfOpsException(TfCode.Internal, "BiasAddGrad worker failed: " + failure.Message, failure);
        }
    }

    private void Drain(int home)
    {
        int ranges = _ranges;
        for (int k = 0; k < ranges; k++)
        {
            ref Range range = ref _rangeTable[(home + k) % ranges];
            while (true)
            {
                int item = Interlocked.Increment(ref range.Next) - 1;
                if (item >= range.End)
                {
                    break;
                }

                try
                {
                    RunItem(item);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }

                Interlocked.Decrement(ref _remaining);
            }
        }
    }

    // Padded so two threads' counters never share a cache line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Range
    {
        [FieldOffset(64)] public int Next;
        [FieldOffset(68)] public int End;
    }
}
