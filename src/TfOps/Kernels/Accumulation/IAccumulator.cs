namespace TfOps.Kernels.Accumulation;

/// <summary>
/// How one dtype's stored lanes reach the kernel and how a finished sum goes back: float16 and
/// bfloat16 are widened to float32 lanes a run at a time (exact), every other type is read as stored;
/// the sum (see <see cref="Lanes{TIn, TAcc, TVec, TW}"/> for the arithmetic) is rounded to the
/// storage type once, at the end.
/// </summary>
/// <typeparam name="TStore">The stored lane type.</typeparam>
/// <typeparam name="TIn">The lane type the kernel loops read.</typeparam>
/// <typeparam name="TAcc">The accumulator lane type.</typeparam>
internal interface IAccumulator<TStore, TIn, TAcc>
    where TStore : unmanaged
    where TIn : unmanaged
    where TAcc : unmanaged
{
    /// <summary>True when stored lanes go through <see cref="WidenSpan"/> into a buffer; false when the loops read them in place (then TStore is TIn).</summary>
    static abstract bool Widens { get; }

    /// <summary>Turns a run of stored lanes into kernel input lanes; only called when <see cref="Widens"/>.</summary>
    static abstract void WidenSpan(ReadOnlySpan<TStore> source, Span<TIn> destination);

    /// <summary>Rounds a finished sum to the stored type, once.</summary>
    static abstract TStore Narrow(TAcc sum);

    /// <summary><see cref="Narrow"/> for a run of sums; the same bits, faster where it is vectorized.</summary>
    static abstract void NarrowSpan(ReadOnlySpan<TAcc> sums, Span<TStore> destination);
}
