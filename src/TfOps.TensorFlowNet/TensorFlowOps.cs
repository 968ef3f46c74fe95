using Tensorflow;
using TfOps.TensorFlowNet.Planning;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet;

/// <summary>
/// The TensorFlow-op path: emits ops that TensorFlow's kernel registry serves (graph or eager). In
/// eager mode TensorFlow.NET's fast path records them on the active tapes itself.
/// </summary>
internal static class TensorFlowOps
{
    public static Tensor BiasAddGrad(Tensor gradient, DataFormat format) =>
        gen_nn_ops.bias_add_grad(gradient, format.ToAttrString());

    public static Tensor Broadcast(Tensor gradient, TilePlan plan) =>
        tf.tile(tf.reshape(gradient, new Shape(plan.ReshapeTo)), tf.constant(plan.Multiples));
}
