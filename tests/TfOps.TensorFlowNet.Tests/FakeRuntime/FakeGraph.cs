using System.Globalization;
using Tensorflow;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// Graph mode: while this graph is current, tf.executing_eagerly() is false and ops are added here
/// instead of run. tf.gradients walks the graph backwards through ops.get_gradient_function, looked
/// up when it runs (gradients_util._GradientsHelper).
/// </summary>
internal sealed class FakeGraph(FakeTensorFlow runtime, FakeGraph? previous) : IDisposable
{
    private readonly List<Operation> _operations = [];

    /// <summary>The operations added so far, in creation order.</summary>
    public IReadOnlyList<Operation> Operations => _operations;

    /// <summary>Enters graph mode on the installed runtime.</summary>
    public static FakeGraph Enter() => FakeTensorFlow.Current.EnterGraph();

    /// <summary>A symbolic input of the given dtype and shape (-1 for unknown dims).</summary>
    public Tensor Placeholder(TF_DataType dtype, Shape shape, string name = "Placeholder") =>
        AddOperation("Placeholder", [], dtype, shape, new Dictionary<string, object> { ["dtype"] = dtype, ["shape"] = shape }, name);

    /// <summary>An op with one output, e.g. of a type the stand-in declares no wrapper for (BiasAddV1).</summary>
    public Tensor AddOperation(string type, Tensor[] inputs, TF_DataType dtype, Shape shape, params (string Name, object Value)[] attrs) =>
        AddOperation(type, inputs, dtype, shape, attrs.ToDictionary(a => a.Name, a => a.Value), null);

    public Tensor AddOperation(string type, Tensor[] inputs, TF_DataType dtype, Shape shape, IReadOnlyDictionary<string, object> attrs, string? name)
    {
        var opName = (name ?? type) + "_" + _operations.Count.ToString(CultureInfo.InvariantCulture);
        var op = new Operation(type, opName, inputs, attrs);
        var output = new Tensor(dtype, shape, op);
        op.GraphOutputs = [output];
        _operations.Add(op);
        return output;
    }

    /// <summary>A generated wrapper's graph path (_apply_op_helper): T from the first input, data_format defaulting to NHWC.</summary>
    public Tensor AddGeneratedOperation(string opType, string name, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs)
    {
        var def = OpCatalog.Get(opType);
        var values = def.WithDefaults(attrs).ToDictionary(a => a.Key, a => a.Value);
        values["T"] = inputs[0].dtype;
        return AddOperation(opType, inputs, Tensorflow.StandIn.DTypes.Base(inputs[0].dtype), def.GraphShape(inputs, values), values, name);
    }

    /// <summary>d(ys)/d(xs), seeded with <paramref name="gradY"/> or a OnesLike op; accumulation is not modelled.</summary>
    public Tensor[] Gradients(Tensor ys, Tensor[] xs, Tensor? gradY)
    {
        var recorded = _operations.ToArray();
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance)
        {
            [ys] = gradY ?? AddOperation("OnesLike", [ys], Tensorflow.StandIn.DTypes.Base(ys.dtype), ys.shape),
        };
        for (int i = recorded.Length - 1; i >= 0; i--)
        {
            var op = recorded[i];
            var outputGrads = op.outputs.Select(o => grads.GetValueOrDefault(o)).ToArray();
            if (op.inputs.Length == 0 || outputGrads.All(g => g is null))
            {
                continue;
            }

            var function = ops.get_gradient_function(op);
            var inputGrads = function is null ? [] : function(op, outputGrads!);
            for (int j = 0; j < op.inputs.Length && j < inputGrads.Length; j++)
            {
                if (inputGrads[j] is not null && !grads.TryAdd(op.inputs[j], inputGrads[j]))
                {
                    throw new NotSupportedException("fake runtime: a tensor feeding two ops needs gradient accumulation, which is not modelled");
                }
            }
        }

        return xs.Select(x => grads.GetValueOrDefault(x)!).ToArray();
    }

    public void Dispose() => runtime.ExitGraph(this, previous);
}
