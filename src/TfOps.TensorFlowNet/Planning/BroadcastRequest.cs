namespace TfOps.TensorFlowNet.Planning;

/// <summary>
/// The gradient of BiasAddGrad itself (second order): a <c>[C]</c> gradient broadcast back to
/// out_backprop's shape along the channel axis.
/// </summary>
/// <param name="Dtype">The kernel dtype (reference dtypes already mapped to their base).</param>
/// <param name="Format">The BiasAddGrad op's data_format.</param>
/// <param name="OutputTfDataType">The result's TensorFlow dtype number: never a reference dtype.</param>
/// <param name="OutputDims">out_backprop's shape (graph mode: -1 for unknown dims).</param>
/// <param name="GradientDims">The incoming <c>[C]</c> gradient's shape.</param>
/// <param name="GradientBytes">Bytes of the incoming gradient, or -1 when not computable.</param>
/// <param name="OutputBytes">Bytes of the result, or -1 when not computable.</param>
internal sealed record BroadcastRequest(
    TfDataType Dtype,
    DataFormat Format,
    int OutputTfDataType,
    long[] OutputDims,
    long[] GradientDims,
    long GradientBytes,
    long OutputBytes)
{
    /// <exception cref="TfOpsException">InvalidArgument for a dtype or data_format the op rejects.</exception>
    public static BroadcastRequest Create(int tfDataType, object? dataFormatAttr, long[] outBackpropDims, long[] gradientDims)
    {
        var (dtype, format) = AttrParsing.CheckAttrs(tfDataType, dataFormatAttr);
        int size = TfDataTypes.ElementSize(dtype);
        return new BroadcastRequest(
            dtype,
            format,
            DTypeMapping.ToBase(tfDataType),
            outBackpropDims,
            gradientDims,
            ShapeMath.ByteCount(gradientDims, size),
            ShapeMath.ByteCount(outBackpropDims, size));
    }

    /// <summary>
    /// TensorFlow's own formulation for graph mode: reshape the gradient to <c>[1,…,1,C]</c> (NHWC) or
    /// <c>[1,C,1,…]</c> (NCHW), then tile by out_backprop's shape with 1 on the channel axis.
    /// </summary>
    /// <exception cref="TfOpsException">
    /// Unimplemented when a non-channel dim of out_backprop is unknown: the multiples would need
    /// <c>tf.shape</c>, which this integration does not use.
    /// </exception>
    public TilePlan PlanTile()
    {
        int rank = OutputDims.Length;
        if (rank < 2)
        {
            throw new TfOpsException(TfCode.InvalidArgument, $"Input tensor must be at least 2D: [{string.Join(",", OutputDims)}]");
        }

        int channelAxis = BiasAddGrad.ChannelAxis(rank, Format);
        var reshapeTo = new long[rank];
        var multiples = new int[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            bool isChannel = axis == channelAxis;
            if (!isChannel && OutputDims[axis] < 0)
            {
                throw new TfOpsException(
                    TfCode.Unimplemented,
                    $"The gradient of BiasAddGrad needs out_backprop's non-channel dims in graph mode; its shape is [{string.Join(",", OutputDims)}]");
            }

            reshapeTo[axis] = isChannel ? (GradientDims is [>= 0 and var c] ? c : -1) : 1;
            multiples[axis] = isChannel ? 1 : checked((int)OutputDims[axis]);
        }

        return new TilePlan(reshapeTo, multiples);
    }
}

/// <summary>The reshape target and tile multiples of a graph-mode broadcast.</summary>
internal sealed record TilePlan(long[] ReshapeTo, int[] Multiples);
