// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;

namespace Tensorflow.StandIn;

/// <summary>Stand-in only: builds the <see cref="EagerOperation"/> a tape would hand to a gradient function.</summary>
public static class StandInEager
{
    public static EagerOperation Operation(string type, Tensor[] inputs, Tensor[] outputs, params (string Name, object Value)[] attrs) =>
        new(type, inputs, outputs, attrs.ToDictionary(a => a.Name, a => a.Value));
}
