using Tensorflow;
using TfOps.TensorFlowNet.Planning;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet;

/// <summary>
/// The three gradient functions registered with TensorFlow.NET. Each one reads the op, asks the
/// planning code what to do, and either runs the managed kernel or emits TensorFlow's op.
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

    /// <summary>(grad, BiasAddGrad(grad, data_format)): the value's gradient is the upstream gradient.</summary>
    private static Tensor[] BiasAdd(Operation op, Tensor[] grads) =>
        [grads[0], Guard(() => FirstOrder(grads[0], op.get_attr("data_format")))];

    /// <summary>BiasAddV1 has no data_format: always channel-last.</summary>
    private static Tensor[] BiasAddV1(Operation op, Tensor[] grads) =>
        [grads[0], Guard(() => FirstOrder(grads[0], AttrParsing.ChannelLast))];

    /// <summary>Second order: the [C] gradient broadcast back to out_backprop's shape.</summary>
    private static Tensor[] BiasAddGradGrad(Operation op, Tensor[] grads) =>
        [Guard(() => SecondOrder(op, grads[0]))];

    private static Tensor FirstOrder(Tensor gradient, object? dataFormatAttr)
    {
        var options = TfOpsGradients.Options;
        bool eager = tf.executing_eagerly();

        // Graph shapes may be partial and the emitted op sizes itself, so only eager needs the dims.
        var request = BiasGradRequest.Create((int)gradient.dtype, dataFormatAttr, eager ? gradient.shape.dims : []);
        var path = PathSelection.Choose(options.Mode, eager, EagerKernels.Describe(gradient, request.InputBytes), request.OutputBytes, options.IsNativePluginActive);
        return path == GradientPath.ManagedKernel
            ? EagerKernels.BiasAddGrad(gradient, request, options.Kernel)
            : TensorFlowOps.BiasAddGrad(gradient, request.Format);
    }

    private static Tensor SecondOrder(Operation op, Tensor gradient)
    {
        var options = TfOpsGradients.Options;
        var request = BroadcastRequest.Create((int)gradient.dtype, op.get_attr("data_format"), op.inputs[0].shape.dims, gradient.shape.dims);
        var path = PathSelection.Choose(options.Mode, tf.executing_eagerly(), EagerKernels.Describe(gradient, request.GradientBytes), request.OutputBytes, options.IsNativePluginActive);
        return path == GradientPath.ManagedKernel
            ? EagerKernels.Broadcast(gradient, request)
            : TensorFlowOps.Broadcast(gradient, request.PlanTile());
    }

    private static Tensor Guard(Func<Tensor> gradient)
    {
        try
        {
            return gradient();
        }
        catch (TfOpsException error)
        {
            throw OpErrors.From(error);
        }
    }
}
