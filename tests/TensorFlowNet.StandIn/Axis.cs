// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>Reduction axes (TensorFlow.NET converts ints and int arrays implicitly).</summary>
public record Axis(params int[] axis)
{
    public static implicit operator Axis(int axis) => new(axis);

    public static implicit operator Axis(int[] axis) => new(axis);
}
