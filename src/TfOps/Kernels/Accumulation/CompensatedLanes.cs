using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// Compensated addition for float64 lanes: each step is Knuth's TwoSum, <c>s = a + b</c> with its
/// exact error <c>(a - (s - bb)) + (b - bb)</c>, <c>bb = s - a</c> (exact for any operands while s is
/// finite; no FMA, no branch), and the state carries the running sum of those errors beside the sum.
/// </summary>
internal readonly struct CompensatedLanes<TIn, TAcc, TVec, TW> : ILanes<TIn, TAcc, Sum<TVec>>
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    public static int Count => TW.Count;

    public static Sum<TVec> Zero => new(TW.Zero, TW.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Read(ref TIn source) => new(TW.Load(ref Unsafe.As<TIn, TAcc>(ref source)), TW.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Load(ref TAcc at, nint loOffset) => new(TW.Load(ref at), TW.Load(ref Unsafe.Add(ref at, loOffset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Sum<TVec> value, ref TAcc at, nint loOffset)
    {
        TW.Store(value.Hi, ref at);
        TW.Store(value.Lo, ref Unsafe.Add(ref at, loOffset));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Add(Sum<TVec> left, Sum<TVec> right)
    {
        TVec s = TW.Add(left.Hi, right.Hi);
        TVec bb = TW.Subtract(s, left.Hi);
        TVec error = TW.Add(TW.Subtract(left.Hi, TW.Subtract(s, bb)), TW.Subtract(right.Hi, bb));
        return new(s, TW.Add(TW.Add(left.Lo, right.Lo), error));
    }
}
