using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Accumulation;

/// <summary>
/// Plain addition in the accumulator type: integers (wrap-around) and float32-family lanes widened to
/// float64 as they are read (exact), then added in float64. The state is the register itself.
/// </summary>
internal readonly struct PlainLanes<TIn, TAcc, TVec, TW> : ILanes<TIn, TAcc, TVec>
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    public static int Count => TW.Count;

    public static TVec Zero => TW.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Read(ref TIn source) =>
        typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double)
            ? TW.LoadWidened(ref Unsafe.As<TIn, float>(ref source))
            : TW.Load(ref Unsafe.As<TIn, TAcc>(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Load(ref TAcc at, nint loOffset) => TW.Load(ref at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(TVec value, ref TAcc at, nint loOffset) => TW.Store(value, ref at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Add(TVec left, TVec right) => TW.Add(left, right);
}
