namespace TfOps.Kernels.Strategies;

/// <summary>
/// One row (NHWC <c>[1, C]</c>, NCHW with <c>N * inner == 1</c>): each channel has exactly one term, so
/// the output is a copy of the input, bit for bit, for every dtype. TensorFlow's CPU kernel copies the
/// input in that case too (bias_op.cc; ../shared/reference/tf-biasaddgrad.md, "Arithmetic"), so
/// <c>-0.0</c> stays <c>-0.0</c> and NaN payloads survive, where a sum <c>0 + x</c> would turn -0.0 into +0.0.
/// </summary>
internal static class SingleRowStrategy
{
    public static bool Applies(int outer, int inner) => outer == 1 && inner == 1;

    public static void Run<TStore>(ReadOnlySpan<TStore> input, Span<TStore> output)
        where TStore : unmanaged => input.CopyTo(output);
}
