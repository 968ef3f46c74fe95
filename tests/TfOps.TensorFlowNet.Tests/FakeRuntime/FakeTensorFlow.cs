using Tensorflow;
using Tensorflow.Eager;
using Tensorflow.StandIn;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// The test project's model of what TensorFlow.NET 0.150 does behind the stand-in's declarations:
/// its runtime (Context, EagerRunner, tapes, graphs, generated op wrappers) and TensorFlow's kernels,
/// which are naive loops written here (<see cref="NaiveKernels"/>), never TfOps. Each behaviour names
/// the TensorFlow.NET source it follows (paths under src/TensorFlowNET.Core at tag
/// v0.150.0-BERT-Model). One instance per test (<see cref="Support.RegistryFixture"/>).
/// </summary>
internal sealed class FakeTensorFlow : IStandInRuntime
{
    private readonly List<ExecutedOps> _logs = [];

    private FakeTensorFlow()
    {
        Tapes = new TapeSet(this);
        Runner = new FakeEagerRunner(Tapes);
    }

    /// <summary>The installed runtime.</summary>
    public static FakeTensorFlow Current => (FakeTensorFlow)StandInRuntime.Current;

    public TapeSet Tapes { get; }

    public IEagerRunner Runner { get; }

    /// <summary>The graph ops are added to; null in eager mode.</summary>
    public FakeGraph? Graph { get; private set; }

    public bool ExecutingEagerly => Graph is null;

    /// <summary>Installs a fresh runtime: eager mode, no tapes, no graph.</summary>
    public static FakeTensorFlow Install()
    {
        var runtime = new FakeTensorFlow();
        StandInRuntime.Current = runtime;
        return runtime;
    }

    /// <summary>Graph mode until the scope is disposed (TensorFlow.NET: a Graph made default with eager execution off).</summary>
    public FakeGraph EnterGraph()
    {
        var graph = new FakeGraph(this, Graph);
        Graph = graph;
        return graph;
    }

    /// <summary>Logs the ops TensorFlow runs eagerly from now until the log is disposed.</summary>
    public ExecutedOps CaptureExecutedOps()
    {
        var log = new ExecutedOps(l => _logs.Remove(l));
        _logs.Add(log);
        return log;
    }

    /// <summary>
    /// tf.constant (constant_op.constant): in eager mode a tensor made from the value, which is no op
    /// and is recorded on no tape; in graph mode a Const op.
    /// </summary>
    public Tensor Constant(object value, TF_DataType dtype, Shape shape, string name)
    {
        var array = value as Array ?? ScalarArray(value);
        var actualShape = shape ?? (value is Array ? new Shape(Enumerable.Range(0, array.Rank).Select(array.GetLength).ToArray()) : new Shape(Array.Empty<long>()));
        if (Graph is { } graph)
        {
            var inferred = new EagerTensor(array, actualShape).dtype;
            return graph.AddOperation("Const", [], inferred, actualShape, new Dictionary<string, object> { ["value"] = array, ["dtype"] = inferred }, name);
        }

        var tensor = new EagerTensor(array, actualShape);
        return dtype == TF_DataType.DtInvalid || dtype == tensor.dtype
            ? tensor
            : throw new NotSupportedException($"fake runtime: tf.constant does not cast {tensor.dtype} to {dtype}");
    }

    /// <summary>
    /// A generated wrapper (Operations/gen_nn_ops.cs bias_add_grad, gen_array_ops.cs reshape/tile): in
    /// eager mode the fast path; a NotOkStatusException is rethrown, any other exception (an
    /// InvalidArgumentError from the kernel included) is swallowed, the eager fallback is tried and
    /// swallowed too, and the wrapper falls into _apply_op_helper, whose Graph.as_default() switches the
    /// thread to graph mode (Graphs/Graph.cs) and builds a graph op. In graph mode, a graph op.
    /// </summary>
    public Tensor ExecuteGenerated(string opType, string name, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs)
    {
        if (Graph is null)
        {
            try
            {
                return FastPath.Execute(this, opType, inputs, attrs)[0];
            }
            catch (Tensorflow.Exceptions.NotOkStatusException)
            {
                throw;
            }
            catch (Exception)
            {
                // Swallowed, as the wrapper does; the eager fallback (_execute.execute) fails the same way.
            }

            Graph = new FakeGraph(this, null);
        }

        return Graph.AddGeneratedOperation(opType, name, inputs, attrs);
    }

    public Tensor ReduceSum(Tensor input, Axis axis, bool keepdims, string name)
    {
        if (Graph is null)
        {
            throw new NotSupportedException("fake runtime: eager reduce_sum is not modelled (nothing here needs it)");
        }

        return Graph.AddOperation("Sum", [input], input.dtype, new Shape(-1L), new Dictionary<string, object> { ["axis"] = axis?.axis ?? [], ["keep_dims"] = keepdims }, name);
    }

    public void PushTape(bool persistent, bool watchAccessedVariables) => Tapes.Push(persistent);

    public void Watch(Tensor x) => Tapes.Watch(x);

    public Tensor Gradient(Tensor target, Tensor source, List<Tensor> outputGradients, string unconnectedGradients) =>
        Tapes.Gradient(target, source, outputGradients, unconnectedGradients);

    public void ClearTapes() => Tapes.Clear();

    /// <summary>tf.gradients (gradients_util._GradientsHelper): graph mode only.</summary>
    public Tensor[] Gradients(Tensor[] ys, Tensor[] xs, Tensor[] gradYs) =>
        Graph is { } graph
            ? graph.Gradients(ys[0], xs, gradYs?[0])
            : throw new RuntimeError("tf.gradients is not supported when eager execution is enabled. Use tf.GradientTape instead.");

    internal void LogExecuted(string opType, object[] attrs)
    {
        foreach (var log in _logs)
        {
            log.Add(opType, attrs);
        }
    }

    internal void ExitGraph(FakeGraph graph, FakeGraph? previous)
    {
        if (ReferenceEquals(Graph, graph))
        {
            Graph = previous;
        }
    }

    private static Array ScalarArray(object scalar)
    {
        var array = Array.CreateInstance(scalar.GetType(), 1);
        array.SetValue(scalar, 0);
        return array;
    }
}
