using System.Globalization;

namespace TfOps.TensorFlowNet.Planning;

/// <summary>
/// The gradient of BiasAddGrad itself (second order): a <c>[C]</c> gradient broadcast back to
/// out_backprop's shape along the channel axis.
/// </summary>
/// <param name="Format">The BiasAddGrad op's data_format.</param>
/// <param name="OutputDims">out_backprop's shape (graph mode: -1 for unknown dims).</param>
/// <param name="GradientDims">The incoming <c>[C]</c> gradient's shape.</param>
/// <param name="Shape">out_backprop validated, when its shape is fully known (always in eager mode).</param>
internal sealed record BroadcastRequest(DataFormat Format, long[] OutputDims, long[] GradientDims, BiasAddGradShape? Shape)
{
    /// <summary>Eager: every dim is known, so out_backprop gets TensorFlow's full checks and the gradient must be <c>[C]</c>.</summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text.</exception>
    public static BroadcastRequest ForEager(int tfDataType, object? dataFormatAttr, long[] outBackpropDims, long[] gradientDims)
    {
        var shape = GradientChecks.Shape(tfDataType, dataFormatAttr, outBackpropDims);
        if (gradientDims is not [var channels] || channels != shape.Channels)
        {
            // What TensorFlow's own formulation (reshape to [1,...,C,...,1], then tile) reports.
            long values = gradientDims.Aggregate(1L, (a, b) => a * b);
            throw new TfOpsException(
                TfCode.InvalidArgument,
                string.Create(CultureInfo.InvariantCulture, $"Input to reshape is a tensor with {values} values, but the requested shape has {shape.Channels}"));
        }

        return new BroadcastRequest(shape.Format, outBackpropDims, gradientDims, shape);
    }

    /// <summary>
    /// Graph: out_backprop's shape may be partly unknown. What is known is checked as TensorFlow
    /// checks it (a rank below 2 or a fully known shape through the validate step, else the attrs).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text.</exception>
    public static BroadcastRequest ForGraph(int tfDataType, object? dataFormatAttr, long[] outBackpropDims, long[] gradientDims)
    {
        if (outBackpropDims.Length < 2 || !outBackpropDims.Any(d => d < 0))
        {
            var shape = GradientChecks.Shape(tfDataType, dataFormatAttr, outBackpropDims);
            return new BroadcastRequest(shape.Format, outBackpropDims, gradientDims, shape);
        }

        return new BroadcastRequest(GradientChecks.Attrs(tfDataType, dataFormatAttr), outBackpropDims, gradientDims, null);
    }

    /// <summary>
    /// TensorFlow's own formulation: reshape the gradient to <c>[1,…,1,C]</c> (NHWC) or
    /// <c>[1,C,1,…]</c> (NCHW), then tile by out_backprop's shape with 1 on the channel axis.
    /// </summary>
    /// <exception cref="TfOpsException">
    /// Unimplemented when a non-channel dim of out_backprop is unknown: the multiples would need
    /// <c>tf.shape</c>, which this integration does not use.
    /// </exception>
    public TilePlan PlanTile()
    {
        int rank = OutputDims.Length;
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

/// <summary>The reshape target and tile multiples of a TensorFlow-op broadcast.</summary>
internal sealed record TilePlan(long[] ReshapeTo, int[] Multiples);
