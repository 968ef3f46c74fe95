using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// Which arithmetic a lane type takes, decided by the types alone (the <c>typeof</c> tests fold away
/// in each instantiation):
/// <list type="bullet">
/// <item>integers (<typeparamref name="TIn"/> = <typeparamref name="TAcc"/>): wrap-around addition
/// (<see cref="PlainLanes{TIn, TAcc, TVec, TW}"/>);</item>
/// <item>float32 lanes (float32, complex64, and float16/bfloat16 after their exact widening to float32)
/// into float64: exact widening, plain float64 addition (<see cref="PlainLanes{TIn, TAcc, TVec, TW}"/>);</item>
/// <item>float64 lanes (float64, complex128): compensated addition (<see cref="CompensatedLanes{TIn, TAcc, TVec, TW}"/>).</item>
/// </list>
/// Register loops branch on <see cref="IsCompensated"/> once, at their top, into a loop generic over
/// <see cref="ILanes{TIn, TAcc, TState}"/>; this class also holds the lane-wise additions the plans'
/// finishes use.
/// </summary>
internal static class Lanes<TIn, TAcc, TVec, TW>
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    /// <summary>True for float64 lanes, whose sums carry their rounding errors (in a second scratch plane).</summary>
    public static bool IsCompensated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(TIn) == typeof(double);
    }

    /// <summary><c>at[i] = at[i] + from[i]</c> for <paramref name="count"/> lanes (both in the same scratch).</summary>
    public static void AddInto(ref TAcc at, ref TAcc from, int count, nint loOffset)
    {
        if (IsCompensated)
        {
            AddInto<Sum<TVec>, CompensatedLanes<TIn, TAcc, TVec, TW>, Sum<TAcc>, CompensatedLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, ref from, count, loOffset);
        }
        else
        {
            AddInto<TVec, PlainLanes<TIn, TAcc, TVec, TW>, TAcc, PlainLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, ref from, count, loOffset);
        }
    }

    /// <summary>
    /// <c>at[0] = (((at[0] + at[s]) + at[2s]) + ...)</c> over <paramref name="count"/> lanes <paramref name="stride"/>
    /// apart, in that order, one lane at a time (a finish's fold of a channel's inner positions).
    /// </summary>
    public static void FoldInOrder(ref TAcc at, int count, int stride, nint loOffset)
    {
        if (typeof(TIn) == typeof(double)) // IsCompensated, spelled out so the JIT drops the other branch
        {
            FoldInOrder<Sum<TAcc>, CompensatedLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, count, stride, loOffset);
        }
        else
        {
            FoldInOrder<TAcc, PlainLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, count, stride, loOffset);
        }
    }

    /// <summary>
    /// The pairwise tree over <paramref name="count"/> lanes <paramref name="stride"/> apart, into the
    /// first: lane k takes k + 1, then k + 2, k + 4, ... (a finish's combination of a channel's segments).
    /// </summary>
    public static void FoldPairwise(ref TAcc at, int count, int stride, nint loOffset)
    {
        if (typeof(TIn) == typeof(double)) // IsCompensated, spelled out so the JIT drops the other branch
        {
            FoldPairwise<Sum<TAcc>, CompensatedLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, count, stride, loOffset);
        }
        else
        {
            FoldPairwise<TAcc, PlainLanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>>(ref at, count, stride, loOffset);
        }
    }

    private static void FoldInOrder<TLane, TL1>(ref TAcc at, int count, int stride, nint loOffset)
        where TLane : unmanaged
        where TL1 : ILanes<TIn, TAcc, TLane>
    {
        TLane sum = TL1.Load(ref at, loOffset);
        for (int i = 1; i < count; i++)
        {
            sum = TL1.Add(sum, TL1.Load(ref Unsafe.Add(ref at, i * stride), loOffset));
        }

        TL1.Store(sum, ref at, loOffset);
    }

    private static void FoldPairwise<TLane, TL1>(ref TAcc at, int count, int stride, nint loOffset)
        where TLane : unmanaged
        where TL1 : ILanes<TIn, TAcc, TLane>
    {
        for (int step = 1; step < count; step *= 2)
        {
            for (int k = 0; k + step < count; k += 2 * step)
            {
                ref TAcc a = ref Unsafe.Add(ref at, k * stride);
                TL1.Store(TL1.Add(TL1.Load(ref a, loOffset), TL1.Load(ref Unsafe.Add(ref a, step * stride), loOffset)), ref a, loOffset);
            }
        }
    }

    private static void AddInto<TState, TL, TLane, TL1>(ref TAcc at, ref TAcc from, int count, nint loOffset)
        where TState : unmanaged
        where TL : ILanes<TIn, TAcc, TState>
        where TLane : unmanaged
        where TL1 : ILanes<TIn, TAcc, TLane>
    {
        int i = 0;
        for (; i + TL.Count <= count; i += TL.Count)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            TL.Store(TL.Add(TL.Load(ref a, loOffset), TL.Load(ref Unsafe.Add(ref from, i), loOffset)), ref a, loOffset);
        }

        for (; i < count; i++)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            TL1.Store(TL1.Add(TL1.Load(ref a, loOffset), TL1.Load(ref Unsafe.Add(ref from, i), loOffset)), ref a, loOffset);
        }
    }
}
