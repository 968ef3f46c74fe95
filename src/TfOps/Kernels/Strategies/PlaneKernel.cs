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
    /// at <paramref name="slots"/> (their error plane <paramref name="loOffset"/> lanes further).
    /// </summary>
    public static void AddRun<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* source, int count, ref TAcc slots, nint loOffset)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (!TOp.Widens)
        {
            Accumulate<TIn, TAcc, TVec, TW>(ref Unsafe.AsRef<TIn>(source), count, ref slots, loOffset);
            return;
        }

        Span<TIn> buffer = stackalloc TIn[WidenLanes];
        for (int done = 0; done < count; done += buffer.Length)
        {
            int take = Math.Min(buffer.Length, count - done);
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source + done, take), buffer);
            Accumulate<TIn, TAcc, TVec, TW>(ref buffer[0], take, ref slots, loOffset);
        }
    }

    /// <summary>
    /// Folds 64 slots down to the first <paramref name="components"/> (1 or 2) in place: slot s gets
    /// s + (s + half) for half = 32, 16, ... Lane-wise adds, so registers where a half spans whole
    /// registers and scalars below give the same bits as an all-scalar fold.
    /// </summary>
    public static void Fold<TIn, TAcc, TVec, TW>(ref TAcc slots, int components, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        for (int half = Slots / 2; half >= components; half /= 2)
        {
            Lanes<TIn, TAcc, TVec, TW>.AddInto(ref slots, ref Unsafe.Add(ref slots, half), half, loOffset);
        }
    }

    /// <summary>Adds <paramref name="count"/> lanes starting at a multiple of 64 into the slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TIn, TAcc, TVec, TW>(ref TIn source, int count, ref TAcc slots, nint loOffset)
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
                Registers1<TIn, TAcc, TVec, TW>(ref source, full, ref slots, loOffset);
                break;
            case 2:
                Registers2<TIn, TAcc, TVec, TW>(ref source, full, ref slots, loOffset);
                break;
            case 4:
                Registers4<TIn, TAcc, TVec, TW>(ref source, full, ref slots, loOffset);
                break;
            case 8:
                Registers8<TIn, TAcc, TVec, TW>(ref source, full, ref slots, loOffset);
                break;
            default:
                for (int i = 0; i < full; i += Slots)
                {
                    AddLanes<TIn, TAcc, TVec, TW>(ref Unsafe.Add(ref source, i), Slots, ref slots, loOffset);
                }

                break;
        }

        AddLanes<TIn, TAcc, TVec, TW>(ref Unsafe.Add(ref source, full), count - full, ref slots, loOffset);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers1<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TIn) == typeof(double)) // Lanes.IsCompensated, spelled out so the JIT drops the other branch before inlining it
        {
            Registers<TIn, TAcc, Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 1);
        }
        else
        {
            Registers<TIn, TAcc, TVec, PlainLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers2<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TIn) == typeof(double)) // Lanes.IsCompensated, spelled out so the JIT drops the other branch before inlining it
        {
            Registers<TIn, TAcc, Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 2);
        }
        else
        {
            Registers<TIn, TAcc, TVec, PlainLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 2);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers4<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TIn) == typeof(double)) // Lanes.IsCompensated, spelled out so the JIT drops the other branch before inlining it
        {
            Registers<TIn, TAcc, Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 4);
        }
        else
        {
            Registers<TIn, TAcc, TVec, PlainLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 4);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Registers8<TIn, TAcc, TVec, TW>(ref TIn source, int full, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TIn) == typeof(double)) // Lanes.IsCompensated, spelled out so the JIT drops the other branch before inlining it
        {
            Registers<TIn, TAcc, Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 8);
        }
        else
        {
            Registers<TIn, TAcc, TVec, PlainLanes<TIn, TAcc, TVec, TW>>(ref source, full, ref slots, loOffset, 8);
        }
    }

    /// <summary>All 64 slots in <paramref name="registers"/> registers (a constant after inlining) over <paramref name="full"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Registers<TIn, TAcc, TState, TL>(ref TIn source, int full, ref TAcc slots, nint loOffset, int registers)
        where TIn : unmanaged
        where TAcc : unmanaged
        where TState : unmanaged
        where TL : ILanes<TIn, TAcc, TState>
    {
        int w = TL.Count;
        var zero = TL.Zero;
        var a0 = TL.Load(ref slots, loOffset);
        var a1 = registers > 1 ? TL.Load(ref Unsafe.Add(ref slots, w), loOffset) : zero;
        var a2 = registers > 2 ? TL.Load(ref Unsafe.Add(ref slots, 2 * w), loOffset) : zero;
        var a3 = registers > 2 ? TL.Load(ref Unsafe.Add(ref slots, 3 * w), loOffset) : zero;
        var a4 = registers > 4 ? TL.Load(ref Unsafe.Add(ref slots, 4 * w), loOffset) : zero;
        var a5 = registers > 4 ? TL.Load(ref Unsafe.Add(ref slots, 5 * w), loOffset) : zero;
        var a6 = registers > 4 ? TL.Load(ref Unsafe.Add(ref slots, 6 * w), loOffset) : zero;
        var a7 = registers > 4 ? TL.Load(ref Unsafe.Add(ref slots, 7 * w), loOffset) : zero;
        for (int i = 0; i < full; i += Slots)
        {
            ref TIn p = ref Unsafe.Add(ref source, i);
            a0 = TL.Add(a0, TL.Read(ref p));
            if (registers > 1)
            {
                a1 = TL.Add(a1, TL.Read(ref Unsafe.Add(ref p, w)));
            }

            if (registers > 2)
            {
                a2 = TL.Add(a2, TL.Read(ref Unsafe.Add(ref p, 2 * w)));
                a3 = TL.Add(a3, TL.Read(ref Unsafe.Add(ref p, 3 * w)));
            }

            if (registers > 4)
            {
                a4 = TL.Add(a4, TL.Read(ref Unsafe.Add(ref p, 4 * w)));
                a5 = TL.Add(a5, TL.Read(ref Unsafe.Add(ref p, 5 * w)));
                a6 = TL.Add(a6, TL.Read(ref Unsafe.Add(ref p, 6 * w)));
                a7 = TL.Add(a7, TL.Read(ref Unsafe.Add(ref p, 7 * w)));
            }
        }

        TL.Store(a0, ref slots, loOffset);
        if (registers > 1)
        {
            TL.Store(a1, ref Unsafe.Add(ref slots, w), loOffset);
        }

        if (registers > 2)
        {
            TL.Store(a2, ref Unsafe.Add(ref slots, 2 * w), loOffset);
            TL.Store(a3, ref Unsafe.Add(ref slots, 3 * w), loOffset);
        }

        if (registers > 4)
        {
            TL.Store(a4, ref Unsafe.Add(ref slots, 4 * w), loOffset);
            TL.Store(a5, ref Unsafe.Add(ref slots, 5 * w), loOffset);
            TL.Store(a6, ref Unsafe.Add(ref slots, 6 * w), loOffset);
            TL.Store(a7, ref Unsafe.Add(ref slots, 7 * w), loOffset);
        }
    }

    /// <summary>Adds up to 64 lanes into slots 0..count-1.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void AddLanes<TIn, TAcc, TVec, TW>(ref TIn source, int count, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TIn) == typeof(double)) // Lanes.IsCompensated, spelled out so the JIT drops the other branch before inlining it
        {
            AddLanes<TIn, TAcc, Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>, Sum<TAcc>, CompensatedLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref source, count, ref slots, loOffset);
        }
        else
        {
            AddLanes<TIn, TAcc, TVec, PlainLanes<TIn, TAcc, TVec, TW>, TAcc, PlainLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref source, count, ref slots, loOffset);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddLanes<TIn, TAcc, TState, TL, TLane, TL1>(ref TIn source, int count, ref TAcc slots, nint loOffset)
        where TIn : unmanaged
        where TAcc : unmanaged
        where TState : unmanaged
        where TL : ILanes<TIn, TAcc, TState>
        where TLane : unmanaged
        where TL1 : ILanes<TIn, TAcc, TLane>
    {
        int j = 0;
        for (; j + TL.Count <= count; j += TL.Count)
        {
            ref TAcc s = ref Unsafe.Add(ref slots, j);
            TL.Store(TL.Add(TL.Load(ref s, loOffset), TL.Read(ref Unsafe.Add(ref source, j))), ref s, loOffset);
        }

        for (; j < count; j++)
        {
            ref TAcc s = ref Unsafe.Add(ref slots, j);
            TL1.Store(TL1.Add(TL1.Load(ref s, loOffset), TL1.Read(ref Unsafe.Add(ref source, j))), ref s, loOffset);
        }
    }
}
