// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>A tensor shape; -1 marks an unknown dimension (graph mode).</summary>
public class Shape
{
    public Shape(params long[] dims) => this.dims = (long[])dims.Clone();

    public Shape(params int[] dims) => this.dims = Array.ConvertAll(dims, d => (long)d);

    public long[] dims { get; }

    public int ndim => dims.Length;

    public static implicit operator Shape(long[] dims) => new(dims);

    public static implicit operator Shape(int[] dims) => new(dims);

    public static implicit operator Shape(int dim) => new(new long[] { dim });

    public override string ToString() => "(" + string.Join(", ", dims.Select(d => d < 0 ? "None" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
