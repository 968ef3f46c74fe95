namespace TfOps.TensorFlowNet.Planning;

/// <summary>Sizes of shapes that may be partly unknown (-1) in graph mode.</summary>
internal static class ShapeMath
{
    /// <summary>Bytes of a tensor: 0 when any dim is 0, -1 when a dim is unknown or negative or the size overflows.</summary>
    public static long ByteCount(ReadOnlySpan<long> dims, int elementSize)
    {
        if (!IsFullyDefined(dims))
        {
            return -1;
        }

        if (dims.Contains(0L))
        {
            return 0;
        }

        long bytes = elementSize;
        foreach (long dim in dims)
        {
            if (bytes > long.MaxValue / dim)
            {
                return -1;
            }

            bytes *= dim;
        }

        return bytes;
    }

    /// <summary>C, or -1 when the rank is below 2 or the channel dim is unknown.</summary>
    public static long Channels(ReadOnlySpan<long> dims, DataFormat format) =>
        dims.Length < 2 ? -1 : Math.Max(-1, dims[BiasAddGrad.ChannelAxis(dims.Length, format)]);

    /// <summary>True when every dim is known (graph shapes mark unknown dims with -1).</summary>
    public static bool IsFullyDefined(ReadOnlySpan<long> dims) => !dims.ContainsAnyInRange(long.MinValue, -1L);
}
