// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Gradients;

/// <summary>An unrelated built-in (Gradients/math_grad.cs), so tests can see that other entries survive.</summary>
[RegisterGradient("math_grad")]
public class math_grad
{
    [RegisterGradient("Identity")]
    public static Tensor[] _IdGrad(Operation op, Tensor[] grads) => [grads[0]];
}
