namespace TfOps;

/// <summary>
/// One BiasAddGrad call after <see cref="BiasAddGrad.Validate(TfDataType, ReadOnlySpan{long}, DataFormat)"/>:
/// TensorFlow's checks have passed and every size an adapter needs is known. The input is viewed as
/// <c>[Outer, Channels, Inner]</c> (NHWC: <c>[prod(leading), C, 1]</c>; NCHW: <c>[N, C, prod(axes 2..)]</c>),
/// and the output is always the rank-1 shape <c>[Channels]</c>.
/// </summary>
/// <remarks>Holds no arrays: validating never allocates, so the TensorFlow plugin can validate on every compute.</remarks>
public readonly record struct BiasAddGradShape
{
    internal BiasAddGradShape(TfDataType dataType, DataFormat format, int rank, long outer, long channels, long inner, long elementCount)
    {
        DataType = dataType;
        Format = format;
        Rank = rank;
        Outer = outer;
        Channels = channels;
        Inner = inner;
        ElementCount = elementCount;
    }

    /// <summary>The input's (and output's) dtype: one of <see cref="TfDataTypes.BiasAddGradTypes"/>.</summary>
    public TfDataType DataType { get; }

    /// <summary>The data format: where the channel axis is.</summary>
    public DataFormat Format { get; }

    /// <summary>The input's rank (at least 2).</summary>
    public int Rank { get; }

    /// <summary>The input axis that holds the channels: <see cref="BiasAddGrad.ChannelAxis(int, DataFormat)"/>.</summary>
    public int ChannelAxis => BiasAddGrad.ChannelAxis(Rank, Format);

    /// <summary>C: the output's length.</summary>
    public long Channels { get; }

    /// <summary>The product of the dims before the channel axis; 0 when the input has no elements.</summary>
    public long Outer { get; }

    /// <summary>The product of the dims after the channel axis (1 for NHWC); 0 when the input has no elements.</summary>
    public long Inner { get; }

    /// <summary>The input's element count (below 2^31 - 1, TensorFlow's rule).</summary>
    public long ElementCount { get; }

    /// <summary>Bytes per element of <see cref="DataType"/>.</summary>
    public int ElementSize => TfDataTypes.ElementSize(DataType);

    /// <summary>Bytes of the input buffer.</summary>
    public long InputByteCount => ElementCount * ElementSize;

    /// <summary>Bytes of the output buffer (<see cref="Channels"/> elements).</summary>
    public long OutputByteCount => Channels * ElementSize;
}
