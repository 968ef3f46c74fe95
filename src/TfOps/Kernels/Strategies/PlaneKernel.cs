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

    /// <summary>
    /// Adds <paramref name="count"/> lanes of a plane run (its first lane goes to slot 0) into the slots
    /// at <paramref name="slots"/>.
    /// </summary>
    public static void AddRun<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* source, int count, ref TAcc slots)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (!TOp.Widens)
        {
            Accumulate<TIn, TAcc, TVec, TW>(ref Unsafe.AsRef<TIn>(source), count, ref slots);
            return;
        }

        Span<TIn> buffer = stackalloc TIn[WidenLanes];
        for (int done = 0; done < count; done += buffer.Length)
        {
            int take = Math.Min(buffer.Length, count - done);
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source + done, take), buffer);
            Accumulate<TIn, TAcc, TVec, TW>(ref buffer[0], take, ref slots);
        }
    }

    /// <summary>
    /// Folds 64 slots down to the first <paramref name="components"/> (1 or 2) in place: slot s gets
    /// s + (s + half) for half = 32, 16, ... Lane-wise adds, so registers where a half spans whole
    /// registers and scalars below give the same bits as an all-scalar fold.
    /// </summary>
    public static void Fold<TIn, TAcc, TVec, TW>(ref TAcc slots, int components)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        for (int half = Slots / 2; half >= components; half /= 2)
        {
            Lanes<TIn, TAcc, TVec, TW>.AddInto(ref slots, ref Unsafe.Add(ref slots, half), half);
        }
    }

    /// <summary>Adds <paramref name="count"/> lanes starting at a multiple of 64 into the slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TIn, TAcc, TVec, TW>(ref TIn source, int count, ref TAcc slots)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        // The 64 slots stay in registers while the run streams past (1 to 8 registers, by lane size and width).
        int full = count - (count % Slots);
        switch (Slots / TW.Count)
        {
            case 1:
                Registers1<TIn, TAcc, TVec, TW>(ref source, full, ref slots);
                break;
            case 2:
                Registers2<TIn, TAcc, TVec, TW>(ref source, full, ref slots);
                break;
            case 4:
                Registers4<TIn, TAcc, TVec, TW>(ref source, full, ref slots);
                break;
            case 8:
                Registers8<TIn, TAcc, TVec, TW>(ref source, full, ref slots);
                break;
            default:
                for (int i = 0; i < full; i += Slots)
                {
                    Lanes<TIn, TAcc, TVec, TW>.AddRun(ref slots, ref Unsafe.Add(ref source, i), Slots);
                }

                break;
        }

        Lanes<TIn, TAcc, TVec, TW>.AddRun(ref slots, ref Unsafe.Add(ref source, full), count - full);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers1<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Registers<TIn, TAcc, TVec, TW>(ref source, full, ref slots, 1);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers2<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Registers<TIn, TAcc, TVec, TW>(ref source, full, ref slots, 2);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers4<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Registers<TIn, TAcc, TVec, TW>(ref source, full, ref slots, 4);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers8<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Registers<TIn, TAcc, TVec, TW>(ref source, full, ref slots, 8);

    /// <summary>All 64 slots in <paramref name="registers"/> registers (a constant after inlining) over <paramref name="full"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Registers<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots, int registers)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int w = TW.Count;
        var zero = TW.Zero;
        var a0 = TW.Load(ref slots);
        var a1 = registers > 1 ? TW.Load(ref Unsafe.Add(ref slots, w)) : zero;
        var a2 = registers > 2 ? TW.Load(ref Unsafe.Add(ref slots, 2 * w)) : zero;
        var a3 = registers > 2 ? TW.Load(ref Unsafe.Add(ref slots, 3 * w)) : zero;
        var a4 = registers > 4 ? TW.Load(ref Unsafe.Add(ref slots, 4 * w)) : zero;
        var a5 = registers > 4 ? TW.Load(ref Unsafe.Add(ref slots, 5 * w)) : zero;
        var a6 = registers > 4 ? TW.Load(ref Unsafe.Add(ref slots, 6 * w)) : zero;
        var a7 = registers > 4 ? TW.Load(ref Unsafe.Add(ref slots, 7 * w)) : zero;
        for (int i = 0; i < full; i += Slots)
        {
            ref TIn p = ref Unsafe.Add(ref source, i);
            a0 = TW.Add(a0, Lanes<TIn, TAcc, TVec, TW>.Read(ref p));
            if (registers > 1)
            {
                a1 = TW.Add(a1, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, w)));
            }

            if (registers > 2)
            {
                a2 = TW.Add(a2, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 2 * w)));
                a3 = TW.Add(a3, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 3 * w)));
            }

            if (registers > 4)
            {
                a4 = TW.Add(a4, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 4 * w)));
                a5 = TW.Add(a5, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 5 * w)));
                a6 = TW.Add(a6, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 6 * w)));
                a7 = TW.Add(a7, Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref p, 7 * w)));
            }
        }

        TW.Store(a0, ref slots);
        if (registers > 1)
        {
            TW.Store(a1, ref Unsafe.Add(ref slots, w));
        }

        if (registers > 2)
        {
            TW.Store(a2, ref Unsafe.Add(ref slots, 2 * w));
            TW.Store(a3, ref Unsafe.Add(ref slots, 3 * w));
        }

        if (registers > 4)
        {
            TW.Store(a4, ref Unsafe.Add(ref slots, 4 * w));
            TW.Store(a5, ref Unsafe.Add(ref slots, 5 * w));
            TW.Store(a6, ref Unsafe.Add(ref slots, 6 * w));
            TW.Store(a7, ref Unsafe.Add(ref slots, 7 * w));
        }
    }
}
