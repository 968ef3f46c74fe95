// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Collections;

namespace Tensorflow;

/// <summary>The inputs of an operation.</summary>
public class InputList : IEnumerable
{
    public Tensor[] _inputs;

    public InputList(Tensor[] inputs) => _inputs = inputs;

    public Tensor this[int index] => _inputs[index];

    public int Length => _inputs.Length;

    public IEnumerator GetEnumerator() => _inputs.GetEnumerator();

    public static implicit operator Tensor[](InputList input) => input._inputs;
}
