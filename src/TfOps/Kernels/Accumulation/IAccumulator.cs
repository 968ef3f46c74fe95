namespace TfOps.Kernels.Accumulation;

/// <summary>
/// How one dtype is summed: stored values are widened into an accumulator type, added, and narrowed
/// once at the end (float16/bfloat16 accumulate in float32; integers wrap; complex per component).
/// </summary>
internal interface IAccumulator<TStore, TAcc>
    where TStore : unmanaged
    where TAcc : unmanaged
{
    static abstract TAcc Zero { get; }

    static abstract TAcc Widen(TStore value);

    static abstract TAcc Add(TAcc left, TAcc right);

    static abstract TStore Narrow(TAcc sum);

    /// <summary>Widens a run of stored values into accumulator lanes (exact for every dtype here).</summary>
    static abstract void WidenSpan(ReadOnlySpan<TStore> source, Span<TAcc> destination);
}
