// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Globalization;

namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: graph mode. While a scope is open on this async flow, <c>tf.executing_eagerly()</c>
/// is false and every op is recorded here instead of run (TensorFlow.NET: a default Graph with eager
/// execution disabled).
/// </summary>
public sealed class StandInGraph : IDisposable
{
    private static readonly AsyncLocal<StandInGraph> s_current = new();
    private readonly List<Operation> _operations = [];
    private readonly StandInGraph _previous;

    private StandInGraph(StandInGraph previous) => _previous = previous;

    internal static StandInGraph Current => s_current.Value;

    /// <summary>The operations recorded so far, in creation order.</summary>
    public IReadOnlyList<Operation> Operations => _operations;

    /// <summary>Opens a graph scope; dispose to go back to eager mode.</summary>
    public static StandInGraph Enter()
    {
        var graph = new StandInGraph(s_current.Value);
        s_current.Value = graph;
        return graph;
    }

    /// <summary>A symbolic input of the given dtype and shape (-1 for unknown dims).</summary>
    public Tensor Placeholder(TF_DataType dtype, Shape shape, string name = "Placeholder") =>
        AddOperation("Placeholder", [], dtype, shape, new Dictionary<string, object> { ["dtype"] = dtype, ["shape"] = shape }, name);

    /// <summary>Records an op with one output, e.g. an op type the stand-in has no wrapper for (BiasAddV1).</summary>
    public Tensor AddOperation(string type, Tensor[] inputs, TF_DataType dtype, Shape shape, params (string Name, object Value)[] attrs) =>
        AddOperation(type, inputs, dtype, shape, attrs.ToDictionary(a => a.Name, a => a.Value), null);

    internal Tensor AddOperation(string type, Tensor[] inputs, TF_DataType dtype, Shape shape, IReadOnlyDictionary<string, object> attrs, string name)
    {
        var opName = (name ?? type) + "_" + _operations.Count.ToString(CultureInfo.InvariantCulture);
        var op = new Operation(type, opName, inputs, attrs);
        var output = new Tensor(dtype, shape, op);
        op.Outputs = [output];
        _operations.Add(op);
        return output;
    }

    public void Dispose() => s_current.Value = _previous;
}
