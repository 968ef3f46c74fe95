using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Strategies;

/// <summary>
/// Adds a run of a plane into <see cref="Slots"/> slots (lane i to slot i mod 64), and folds the slots
/// by a fixed halving tree. Each slot is its own chain, so registers of any width give the same bits.
/// </summary>
internal static unsafe class PlaneKernel
{
    /// <summary>Slots per plane run (a multiple of every register width in lanes).</summary>
    public const int Slots = 64;

    /// <summary>Lanes widened at a time for float16/bfloat16: a multiple of <see cref="Slots"/>, so every lane keeps its slot.</summary>
    private const int WidenLanes = 512;

    /// <summary>Adds <paramref name="count"/> lanes of a plane run (its first lane goes to slot 0) into <paramref name="slots"/>.</summary>
    public static void AddRun<TStore, TAcc, TOp, TVec, TW>(TStore* source, int count, Span<TAcc> slots)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TStore) == typeof(TAcc))
        {
            Accumulate<TAcc, TVec, TW>(ref Unsafe.AsRef<TAcc>(source), count, ref slots[0]);
            return;
        }

        Span<TAcc> buffer = stackalloc TAcc[WidenLanes];
        for (int done = 0; done < count; done += buffer.Length)
        {
            int take = Math.Min(buffer.Length, count - done);
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source + done, take), buffer);
            Accumulate<TAcc, TVec, TW>(ref buffer[0], take, ref slots[0]);
        }
    }

    /// <summary>Adds <paramref name="count"/> lanes starting at a multiple of 64 into <paramref name="slots"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<T, TVec, TW>(ref T source, int count, ref T slots)
        where T : unmanaged, IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int full = count - (count % Slots);
        if (TW.Count == Slots / 4)
        {
            Registers4<T, TVec, TW>(ref source, full, ref slots);
        }
        else if (TW.Count == Slots / 8)
        {
            Registers8<T, TVec, TW>(ref source, full, ref slots);
        }
        else
        {
            for (int i = 0; i < full; i += Slots)
            {
                AddLanes<T, TVec, TW>(ref Unsafe.Add(ref source, i), Slots, ref slots);
            }
        }

        AddLanes<T, TVec, TW>(ref Unsafe.Add(ref source, full), count - full, ref slots);
    }

    /// <summary>
    /// Folds 64 slots down to the first <paramref name="components"/> (1 or 2) in place: slot s gets
    /// s + (s + half) for half = 32, 16, ... Lane-wise adds, so registers where a half spans whole
    /// registers and scalars below give the same bits as an all-scalar fold.
    /// </summary>
    public static void Fold<T, TVec, TW>(Span<T> slots, int components)
        where T : unmanaged, IAdditionOperators<T, T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        ref T s0 = ref slots[0];
        int half = Slots / 2;
        for (; half >= components && half >= TW.Count; half /= 2)
        {
            for (int s = 0; s < half; s += TW.Count)
            {
                TW.Store(TW.Add(TW.Load(ref Unsafe.Add(ref s0, s)), TW.Load(ref Unsafe.Add(ref s0, s + half))), ref Unsafe.Add(ref s0, s));
            }
        }

        for (; half >= components; half /= 2)
        {
            for (int s = 0; s < half; s++)
            {
                Unsafe.Add(ref s0, s) = unchecked(Unsafe.Add(ref s0, s) + Unsafe.Add(ref s0, s + half));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Registers4<T, TVec, TW>(ref T source, int full, ref T slots)
        where T : unmanaged
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int w = TW.Count;
        TVec a0 = TW.Load(ref slots), a1 = TW.Load(ref Unsafe.Add(ref slots, w));
        TVec a2 = TW.Load(ref Unsafe.Add(ref slots, 2 * w)), a3 = TW.Load(ref Unsafe.Add(ref slots, 3 * w));
        for (int i = 0; i < full; i += Slots)
        {
            ref T p = ref Unsafe.Add(ref source, i);
            a0 = TW.Add(a0, TW.Load(ref p));
            a1 = TW.Add(a1, TW.Load(ref Unsafe.Add(ref p, w)));
            a2 = TW.Add(a2, TW.Load(ref Unsafe.Add(ref p, 2 * w)));
            a3 = TW.Add(a3, TW.Load(ref Unsafe.Add(ref p, 3 * w)));
        }

        TW.Store(a0, ref slots);
        TW.Store(a1, ref Unsafe.Add(ref slots, w));
        TW.Store(a2, ref Unsafe.Add(ref slots, 2 * w));
        TW.Store(a3, ref Unsafe.Add(ref slots, 3 * w));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Registers8<T, TVec, TW>(ref T source, int full, ref T slots)
        where T : unmanaged
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int w = TW.Count;
        TVec a0 = TW.Load(ref slots), a1 = TW.Load(ref Unsafe.Add(ref slots, w));
        TVec a2 = TW.Load(ref Unsafe.Add(ref slots, 2 * w)), a3 = TW.Load(ref Unsafe.Add(ref slots, 3 * w));
        TVec a4 = TW.Load(ref Unsafe.Add(ref slots, 4 * w)), a5 = TW.Load(ref Unsafe.Add(ref slots, 5 * w));
        TVec a6 = TW.Load(ref Unsafe.Add(ref slots, 6 * w)), a7 = TW.Load(ref Unsafe.Add(ref slots, 7 * w));
        for (int i = 0; i < full; i += Slots)
        {
            ref T p = ref Unsafe.Add(ref source, i);
            a0 = TW.Add(a0, TW.Load(ref p));
            a1 = TW.Add(a1, TW.Load(ref Unsafe.Add(ref p, w)));
            a2 = TW.Add(a2, TW.Load(ref Unsafe.Add(ref p, 2 * w)));
            a3 = TW.Add(a3, TW.Load(ref Unsafe.Add(ref p, 3 * w)));
            a4 = TW.Add(a4, TW.Load(ref Unsafe.Add(ref p, 4 * w)));
            a5 = TW.Add(a5, TW.Load(ref Unsafe.Add(ref p, 5 * w)));
            a6 = TW.Add(a6, TW.Load(ref Unsafe.Add(ref p, 6 * w)));
            a7 = TW.Add(a7, TW.Load(ref Unsafe.Add(ref p, 7 * w)));
        }

        TW.Store(a0, ref slots);
        TW.Store(a1, ref Unsafe.Add(ref slots, w));
        TW.Store(a2, ref Unsafe.Add(ref slots, 2 * w));
        TW.Store(a3, ref Unsafe.Add(ref slots, 3 * w));
        TW.Store(a4, ref Unsafe.Add(ref slots, 4 * w));
        TW.Store(a5, ref Unsafe.Add(ref slots, 5 * w));
        TW.Store(a6, ref Unsafe.Add(ref slots, 6 * w));
        TW.Store(a7, ref Unsafe.Add(ref slots, 7 * w));
    }

    /// <summary>Adds up to 64 lanes into slots 0..count-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddLanes<T, TVec, TW>(ref T source, int count, ref T slots)
        where T : unmanaged, IAdditionOperators<T, T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int j = 0;
        for (; j + TW.Count <= count; j += TW.Count)
        {
            ref T s = ref Unsafe.Add(ref slots, j);
            TW.Store(TW.Add(TW.Load(ref s), TW.Load(ref Unsafe.Add(ref source, j))), ref s);
        }

        for (; j < count; j++)
        {
            ref T s = ref Unsafe.Add(ref slots, j);
            s = unchecked(s + Unsafe.Add(ref source, j));
        }
    }
}
