// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.StandIn;

namespace Tensorflow.Gradients;

/// <summary>
/// The tape set (Gradients/GradientTape.cs). As in TensorFlow.NET, <c>tf.GradientTape()</c> pushes a new
/// tape and returns this one shared object, so nested "tapes" are the same object: <see cref="watch"/>
/// and <see cref="gradient"/> act on the innermost tape, <see cref="gradient"/> pops a non-persistent
/// one, and <see cref="Dispose"/> clears them all.
/// </summary>
public class GradientTape : IDisposable
{
    public void watch(Tensor x) => StandInRuntime.Current.Watch(x);

    public Tensor gradient(Tensor target, Tensor source, List<Tensor> output_gradients = null, string unconnected_gradients = null) =>
        StandInRuntime.Current.Gradient(target, source, output_gradients, unconnected_gradients);

    public void Dispose()
    {
        StandInRuntime.Current.ClearTapes();
        GC.SuppressFinalize(this);
    }
}
