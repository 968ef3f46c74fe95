using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// The arithmetic of the kernels: how input lanes become accumulator lanes and how two running sums
/// are added, the same at every register width (every step is lane-wise, so a width never shows in
/// the bits). Which arithmetic is decided by the lane types alone (the <c>typeof</c> tests fold away
/// in each instantiation):
/// <list type="bullet">
/// <item>integers (<typeparamref name="TIn"/> = <typeparamref name="TAcc"/>): wrap-around addition;</item>
/// <item>float32 lanes (float32, complex64, and float16/bfloat16 after their exact widening to float32)
/// into float64: exact widening, plain float64 addition;</item>
/// <item>float64 lanes (float64, complex128): compensated addition. Each step is Knuth's TwoSum,
/// <c>s = a + b</c> with its exact error <c>(a - (s - bb)) + (b - bb)</c>, <c>bb = s - a</c>, added to
/// the running error sum. Exact for any operands while s is finite; no FMA is involved.</item>
/// </list>
/// </summary>
/// <remarks>Memory holds a sum as two planes: Hi at <c>at</c>, Lo <c>loOffset</c> lanes further (compensated only).</remarks>
internal static class Lanes<TIn, TAcc, TVec, TW>
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    /// <summary>True for float64 lanes, whose sums carry their rounding errors.</summary>
    public static bool IsCompensated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(TIn) == typeof(double);
    }

    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TW.Count;
    }

    public static Sum<TVec> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(TW.Zero, TW.Zero);
    }

    /// <summary><see cref="Count"/> input lanes as a sum (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Read(ref TIn source)
    {
        if (typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double))
        {
            return new(TW.LoadWidened(ref Unsafe.As<TIn, float>(ref source)), default);
        }

        return new(TW.Load(ref Unsafe.As<TIn, TAcc>(ref source)), default);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Load(ref TAcc at, nint loOffset) =>
        IsCompensated ? new(TW.Load(ref at), TW.Load(ref Unsafe.Add(ref at, loOffset))) : new(TW.Load(ref at), default);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Sum<TVec> value, ref TAcc at, nint loOffset)
    {
        TW.Store(value.Hi, ref at);
        if (IsCompensated)
        {
            TW.Store(value.Lo, ref Unsafe.Add(ref at, loOffset));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Sum<TVec> Add(Sum<TVec> left, Sum<TVec> right)
    {
        if (!IsCompensated)
        {
            return new(TW.Add(left.Hi, right.Hi), default);
        }

        TVec s = TW.Add(left.Hi, right.Hi);
        TVec bb = TW.Subtract(s, left.Hi);
        TVec error = TW.Add(TW.Subtract(left.Hi, TW.Subtract(s, bb)), TW.Subtract(right.Hi, bb));
        return new(s, TW.Add(TW.Add(left.Lo, right.Lo), error));
    }

    /// <summary><c>at[i] = at[i] + from[i]</c> for <paramref name="count"/> lanes (both in the same two-plane scratch).</summary>
    public static void AddInto(ref TAcc at, ref TAcc from, int count, nint loOffset)
    {
        int i = 0;
        for (; i + TW.Count <= count; i += TW.Count)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            Store(Add(Load(ref a, loOffset), Load(ref Unsafe.Add(ref from, i), loOffset)), ref a, loOffset);
        }

        for (; i < count; i++)
        {
            Lane.AddInto(ref Unsafe.Add(ref at, i), ref Unsafe.Add(ref from, i), loOffset);
        }
    }

    /// <summary>The same arithmetic one lane at a time (tails, folds, finishes).</summary>
    public static class Lane
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AddInto(ref TAcc at, ref TAcc from, nint loOffset) =>
            Lanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>.Store(
                Lanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>.Add(
                    Lanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>.Load(ref at, loOffset),
                    Lanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>.Load(ref from, loOffset)),
                ref at,
                loOffset);
    }
}
