namespace TfOps.Kernels;

/// <summary>
/// The straightforward reduction over <c>[Outer, C, Inner]</c>: one accumulator per channel, elements
/// in memory order. Placeholder for the vectorized kernels.
/// </summary>
internal static class ReferenceReduction
{
    public static void Run<TStore, TAcc, TOp>(ReadOnlySpan<TStore> input, BiasGradGeometry geometry, Span<TStore> output)
        where TStore : unmanaged
        where TAcc : unmanaged
        where TOp : IAccumulator<TStore, TAcc>
    {
        int channels = geometry.Channels, inner = geometry.Inner;
        for (int c = 0; c < channels; c++)
        {
            TAcc sum = TOp.Zero;
            for (int n = 0; n < geometry.Outer; n++)
            {
                int start = ((n * channels) + c) * inner;
                for (int i = 0; i < inner; i++)
                {
                    sum = TOp.Add(sum, TOp.Widen(input[start + i]));
                }
            }

            output[c] = TOp.Narrow(sum);
        }
    }
}
