// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Eager;

/// <summary>
/// The operation an eager backward pass hands to a gradient function (EagerOperation.cs; built by
/// EagerRunner.GetGradientFunction from what RecordGradient recorded). <see cref="Operation.type"/>
/// and <see cref="Operation.name"/> are "" (no native handle); the op's type is in <see cref="Name"/>.
/// </summary>
public class EagerOperation : Operation
{
    public EagerOperation()
    {
    }

    public string Name { get; set; }

    public Tensor[] Inputs { get; set; }

    public Tensor[] Outputs { get; set; }

    public long[] SkipInputIndices { get; set; }

    /// <summary>The recorded attrs as name/value pairs: { "T", dtype, "data_format", "NHWC", ... }.</summary>
    public object[] Attrs { get; set; }

    public override InputList inputs => new(Inputs);

    public override Tensor[] outputs => Outputs;

    /// <summary>Scans <see cref="Attrs"/> pairwise; null for a name that was not recorded.</summary>
    public override object get_attr(string attr_name)
    {
        for (int i = 0; i < Attrs.Length; i += 2)
        {
            if (Attrs[i].Equals(attr_name))
            {
                return Attrs[i + 1];
            }
        }

        return null;
    }

    public override string ToString() => $"tf.EagerOperation {Name}";
}
