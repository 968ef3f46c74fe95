// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Eager;

/// <summary>An operation recorded by an eager tape; <see cref="get_attr"/> scans the recorded attributes.</summary>
public class EagerOperation : Operation
{
    internal EagerOperation(string type, Tensor[] inputs, Tensor[] outputs, IReadOnlyDictionary<string, object> attrs)
        : base(type, type, inputs, attrs) => Outputs = outputs;

    /// <summary>Null for an attribute that was not recorded (TensorFlow.NET scans a flat list).</summary>
    public override object get_attr(string name) => Attrs.TryGetValue(name, out var value) ? value : null;
}
