// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>A graph operation: its type, name, attributes, inputs and outputs.</summary>
public class Operation
{
    private readonly IReadOnlyDictionary<string, object> _attrs;
    private readonly Tensor[] _inputs;

    // Stand-in only: TensorFlow.NET builds operations from native handles or NodeDefs.
    internal Operation(string type, string name, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs)
    {
        this.type = type;
        this.name = name;
        _inputs = inputs;
        _attrs = attrs;
    }

    public string type { get; }

    public string name { get; }

    public virtual InputList inputs => new(_inputs);

    public virtual Tensor[] outputs => Outputs;

    internal Tensor[] Outputs { get; set; } = [];

    internal IReadOnlyDictionary<string, object> Attrs => _attrs;

    /// <summary>A graph operation fails for an attribute it does not have, as TensorFlow does.</summary>
    public virtual object get_attr(string name) =>
        _attrs.TryGetValue(name, out var value)
            ? value
            : throw new TensorflowException($"Operation '{this.name}' has no attr named '{name}'.");

    public virtual T get_attr<T>(string name) => (T)get_attr(name);

    public override string ToString() => $"<tf.Operation '{name}' type={type}>";
}
