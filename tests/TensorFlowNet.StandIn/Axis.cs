// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>Reduction axes (NumPy/Axis.cs): a plain class; an int converts to a scalar axis.</summary>
public class Axis
{
    public Axis(params int[] axis) => this.axis = axis;

    public int[] axis { get; set; }

    public int size => axis == null ? -1 : axis.Length;

    public bool IsScalar { get; init; }

    public int this[int index] => axis[index];

    public static implicit operator Axis(int axis) => new(axis) { IsScalar = true };

    public static implicit operator Axis(int[] axis) => new(axis);

    public static bool operator ==(Axis left, int right) => left.IsScalar && left[0] == right;

    public static bool operator !=(Axis left, int right) => !(left == right);

    public override string ToString() => IsScalar ? $"{axis[0]}" : $"({string.Join(", ", axis)})";
}
