// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Gradients;

/// <summary>The built-in gradient that TfOps replaces (Gradients/nn_grad.cs).</summary>
[RegisterGradient("math_grad")]
public class nn_grad
{
    /// <summary>(grad, BiasAddGrad(grad, data_format)).</summary>
    [RegisterGradient("BiasAdd")]
    public static Tensor[] _BiasAddGrad(Operation op, Tensor[] grads)
    {
        var grad = grads[0];
        string data_format = op.get_attr("data_format")?.ToString();
        return [grad, gen_nn_ops.bias_add_grad(out_backprop: grad, data_format: data_format)];
    }
}
