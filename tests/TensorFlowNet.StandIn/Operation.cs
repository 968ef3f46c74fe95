// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>
/// An operation. Graph operations carry their type, name and attrs (TensorFlow.NET reads them from
/// the native graph); <see cref="Eager.EagerOperation"/> has no native handle, so its
/// <see cref="type"/> and <see cref="name"/> are empty strings, as in TensorFlow.NET.
/// </summary>
public class Operation
{
    private readonly IReadOnlyDictionary<string, object> _attrs;
    private readonly Tensor[] _inputs;
    private readonly string _name;

    // A graph operation, built by the fake runtime in the test project (TensorFlow.NET: from the native graph).
    internal Operation(string type, string name, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs)
    {
        this.type = type;
        _name = name;
        _inputs = inputs;
        _attrs = attrs;
    }

    // Operation(IntPtr.Zero): OpType and name read "" without a handle (Operation.cs).
    private protected Operation()
        : this("", "", [], new Dictionary<string, object>())
    {
    }

    public string type { get; }

    public virtual string name => _name;

    public virtual InputList inputs => new(_inputs);

    public virtual Tensor[] outputs => GraphOutputs;

    internal Tensor[] GraphOutputs { get; set; } = [];

    /// <summary>
    /// An attr of a graph operation. A missing attr fails as TF_OperationGetAttrValueProto's status
    /// does (INVALID_ARGUMENT, turned into InvalidArgumentError by Status.Check).
    /// </summary>
    public virtual object get_attr(string name) =>
        _attrs.TryGetValue(name, out var value)
            ? value
            : throw new InvalidArgumentError($"Operation '{this.name}' has no attr named '{name}'.");

    /// <summary>Operation.get_attr&lt;T&gt;: value types through Convert.ChangeType, others by a cast.</summary>
    public virtual T get_attr<T>(string name) =>
        typeof(T).IsValueType ? (T)Convert.ChangeType(get_attr(name), typeof(T), System.Globalization.CultureInfo.InvariantCulture) : (T)get_attr(name);

    public override string ToString() => $"<tf.Operation '{name}' type={type}>";
}
