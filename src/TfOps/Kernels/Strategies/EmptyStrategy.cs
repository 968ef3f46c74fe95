namespace TfOps.Kernels.Strategies;

/// <summary>No input elements (C > 0 with a zero extent elsewhere): every channel is zero, as in TensorFlow.</summary>
internal static class EmptyStrategy
{
    /// <summary>All-zero bits are +0 (or 0) in every dtype of the op.</summary>
    public static void Run<TStore>(Span<TStore> output)
        where TStore : unmanaged => output.Clear();
}
