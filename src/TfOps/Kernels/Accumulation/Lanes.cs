using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// The arithmetic of running sums, decided by the types alone (the <c>typeof</c> tests fold away in
/// each instantiation): input lanes become a register by <see cref="Read"/> and are added with the
/// width's plain lane-wise addition (no horizontal step, no FMA, so the register width never shows
/// in the bits):
/// <list type="bullet">
/// <item>integers (<typeparamref name="TIn"/> = <typeparamref name="TAcc"/>): wrap-around addition;</item>
/// <item>float32 lanes (float32, complex64, and float16/bfloat16 after their exact widening to float32)
/// into float64: exact widening as they are read, then float64 addition;</item>
/// <item>float64 lanes (float64, complex128): float64 addition.</item>
/// </list>
/// This class also holds the lane-wise additions the plans' finishes use.
/// </summary>
internal static class Lanes<TIn, TAcc, TVec, TW>
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    /// <summary><see cref="IWidth{T, TVec}.Count"/> input lanes as a register of accumulator lanes (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Read(ref TIn source) =>
        typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double)
            ? TW.LoadWidened(ref Unsafe.As<TIn, float>(ref source))
            : TW.Load(ref Unsafe.As<TIn, TAcc>(ref source));

    /// <summary>
    /// <c>at[i] = at[i] + Read(source[i])</c> for <paramref name="count"/> lanes: one input row (or the
    /// tail of a plane run) added lane by lane into its accumulators, for the strategies' leftovers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void AddRun(ref TAcc at, ref TIn source, int count)
    {
        int i = 0;
        for (; i + TW.Count <= count; i += TW.Count)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            TW.Store(TW.Add(TW.Load(ref a), Read(ref Unsafe.Add(ref source, i))), ref a);
        }

        for (; i < count; i++)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            a = WidthScalar<TAcc>.Add(a, Lanes<TIn, TAcc, TAcc, WidthScalar<TAcc>>.Read(ref Unsafe.Add(ref source, i)));
        }
    }

    /// <summary><c>at[i] = at[i] + from[i]</c> for <paramref name="count"/> lanes (both in the same scratch).</summary>
    public static void AddInto(ref TAcc at, ref TAcc from, int count)
    {
        int i = 0;
        for (; i + TW.Count <= count; i += TW.Count)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            TW.Store(TW.Add(TW.Load(ref a), TW.Load(ref Unsafe.Add(ref from, i))), ref a);
        }

        for (; i < count; i++)
        {
            ref TAcc a = ref Unsafe.Add(ref at, i);
            a = WidthScalar<TAcc>.Add(a, Unsafe.Add(ref from, i));
        }
    }

    /// <summary>
    /// <c>at[0] = (((at[0] + at[s]) + at[2s]) + ...)</c> over <paramref name="count"/> lanes <paramref name="stride"/>
    /// apart, in that order, one lane at a time (a finish's fold of a channel's inner positions).
    /// </summary>
    public static void FoldInOrder(ref TAcc at, int count, int stride)
    {
        TAcc sum = at;
        for (int i = 1; i < count; i++)
        {
            sum = WidthScalar<TAcc>.Add(sum, Unsafe.Add(ref at, i * stride));
        }

        at = sum;
    }

    /// <summary>
    /// The pairwise tree over <paramref name="count"/> lanes <paramref name="stride"/> apart, into the
    /// first: lane k takes k + 1, then k + 2, k + 4, ... (a finish's combination of a channel's segments).
    /// </summary>
    public static void FoldPairwise(ref TAcc at, int count, int stride)
    {
        for (int step = 1; step < count; step *= 2)
        {
            for (int k = 0; k + step < count; k += 2 * step)
            {
                ref TAcc a = ref Unsafe.Add(ref at, k * stride);
                a = WidthScalar<TAcc>.Add(a, Unsafe.Add(ref a, step * stride));
            }
        }
    }
}
