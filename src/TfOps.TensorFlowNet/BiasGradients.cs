using Tensorflow;
using TfOps.TensorFlowNet.Planning;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet;

/// <summary>
/// The three gradient functions registered with TensorFlow.NET. Each one reads the op, has the kernel's
/// validate step check it, asks <see cref="PathSelection"/> where to compute, and either runs the
/// managed kernel (and records the result on active tapes) or emits TensorFlow's op.
/// </summary>
internal static class BiasGradients
{
    /// <summary>One delegate instance per op type, so Uninstall can recognise its own entries.</summary>
    public static IReadOnlyDictionary<string, Func<Operation, Tensor[], Tensor[]>> Functions { get; } =
        new Dictionary<string, Func<Operation, Tensor[], Tensor[]>>
        {
            ["BiasAdd"] = BiasAdd,
            ["BiasAddV1"] = BiasAddV1,
            ["BiasAddGrad"] = BiasAddGradGrad,
        };

    /// <summary>
    /// BiasAddGrad(<paramref name="outBackprop"/>, data_format): the bias gradient, also the backward
    /// function of the recorded second-order broadcast.
    /// </summary>
    /// <exception cref="TensorflowException">The kernel's checks failed (see <see cref="OpErrors"/>).</exception>
    public static Tensor FirstOrder(Tensor outBackprop, object? dataFormatAttr) =>
        OpErrors.Guard(() => FirstOrderUnguarded(outBackprop, dataFormatAttr));

    /// <summary>(grad, BiasAddGrad(grad, data_format)): the value's gradient is the upstream gradient.</summary>
    private static Tensor[] BiasAdd(Operation op, Tensor[] grads) =>
        [grads[0], FirstOrder(grads[0], op.get_attr("data_format"))];

    /// <summary>BiasAddV1 has no data_format: always channel-last.</summary>
    private static Tensor[] BiasAddV1(Operation op, Tensor[] grads) =>
        [grads[0], FirstOrder(grads[0], AttrParsing.ChannelLast)];

    /// <summary>Second order: the [C] gradient broadcast back to out_backprop's shape.</summary>
    private static Tensor[] BiasAddGradGrad(Operation op, Tensor[] grads) =>
        [OpErrors.Guard(() => SecondOrder(op.get_attr("data_format"), op.inputs[0].shape.dims, grads[0]))];

    private static Tensor FirstOrderUnguarded(Tensor gradient, object? dataFormatAttr)
    {
        if (!tf.executing_eagerly())
        {
            // Graph shapes may be partial and the emitted op checks and sizes itself.
            return TensorFlowOps.BiasAddGrad(gradient, GradientChecks.Attrs((int)gradient.dtype, dataFormatAttr));
        }

        // Eager: TensorFlow's checks run here for every path. TensorFlow.NET's generated wrapper would
        // swallow an InvalidArgumentError from TensorFlow's op and fall back to building a graph op.
        var shape = GradientChecks.Shape((int)gradient.dtype, dataFormatAttr, gradient.shape.dims);
        var options = TfOpsGradients.Options;
        var path = PathSelection.Choose(options.Mode, EagerKernels.Describe(gradient, shape.InputByteCount), shape.OutputByteCount, options.IsNativePluginActive);
        return path == GradientPath.ManagedKernel
            ? EagerKernels.BiasAddGrad(gradient, shape, options.Kernel)
            : TensorFlowOps.BiasAddGrad(gradient, shape.Format);
    }

    private static Tensor SecondOrder(object? dataFormatAttr, long[] outBackpropDims, Tensor gradient)
    {
        int dtype = (int)gradient.dtype;
        if (!tf.executing_eagerly())
        {
            return TensorFlowOps.Broadcast(gradient, BroadcastRequest.ForGraph(dtype, dataFormatAttr, outBackpropDims, gradient.shape.dims).PlanTile());
        }

        var request = BroadcastRequest.ForEager(dtype, dataFormatAttr, outBackpropDims, gradient.shape.dims);
        var shape = request.Shape!.Value;
        var options = TfOpsGradients.Options;
        var path = PathSelection.Choose(options.Mode, EagerKernels.Describe(gradient, shape.OutputByteCount), shape.InputByteCount, options.IsNativePluginActive);
        return path == GradientPath.ManagedKernel
            ? EagerKernels.Broadcast(gradient, outBackpropDims, shape)
            : TensorFlowOps.Broadcast(gradient, request.PlanTile());
    }
}
