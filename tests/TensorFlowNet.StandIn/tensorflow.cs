// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;
using Tensorflow.Gradients;
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>The <c>tf</c> object: only the members an integration touches.</summary>
public partial class tensorflow
{
    /// <summary>False inside a <see cref="StandInGraph"/> scope (the stand-in's graph mode).</summary>
    public bool executing_eagerly() => StandInGraph.Current is null;

    public Tensor constant(object value, TF_DataType dtype = TF_DataType.DtInvalid, Shape shape = null, string name = "Const")
    {
        var array = value as Array ?? ToArray(value);
        var inferred = DTypes.FromArray(array);
        if (dtype != TF_DataType.DtInvalid && dtype != inferred)
        {
            throw new NotSupportedException($"stand-in: tf.constant does not cast {inferred} to {dtype}");
        }

        var actualShape = shape ?? ShapeOf(array, value is Array);
        return Runtime.Run(
            "Const",
            name,
            [],
            new Dictionary<string, object> { ["value"] = array, ["dtype"] = inferred },
            () => new EagerTensor(array, actualShape),
            () => (inferred, actualShape));
    }

    public Tensor reshape(Tensor tensor, Shape shape, string name = null)
    {
        var shapeTensor = constant(shape.dims);
        return Runtime.Run(
            "Reshape",
            name,
            [tensor, shapeTensor],
            new Dictionary<string, object> { ["T"] = tensor.dtype },
            () => new EagerTensor(tensor.BufferToArray(), Tiling.ResolveReshape(tensor.shape, shape), DTypes.Base(tensor.dtype)),
            () => (DTypes.Base(tensor.dtype), shape));
    }

    public Tensor tile(Tensor input, Tensor multiples, string name = null) =>
        Runtime.Run(
            "Tile",
            name,
            [input, multiples],
            new Dictionary<string, object> { ["T"] = input.dtype },
            () => Tiling.Tile(input, Tiling.Multiples(multiples)),
            () => (DTypes.Base(input.dtype), Tiling.TiledShape(input.shape, multiples)));

    public Tensor reduce_sum(Tensor input, Axis axis = null, Axis reduction_indices = null, bool keepdims = false, string name = null) =>
        Runtime.Run(
            "Sum",
            name,
            [input],
            new Dictionary<string, object> { ["T"] = input.dtype, ["axis"] = (axis ?? reduction_indices)?.axis, ["keep_dims"] = keepdims },
            () => throw new NotSupportedException("stand-in: eager reduce_sum is not modelled (the adapter never calls it)"),
            () => (DTypes.Base(input.dtype), new Shape(-1L)));

    public GradientTape GradientTape(bool persistent = false, bool watch_accessed_variables = true) => new();

    /// <summary>Graph-mode symbolic gradients of <paramref name="ys"/> with respect to <paramref name="xs"/>.</summary>
    public Tensor[] gradients(Tensor ys, Tensor[] xs, Tensor grad_ys = null, string name = "gradients", bool colocate_gradients_with_ops = false, bool gate_gradients = false, int? aggregation_method = null, Tensor[] stop_gradients = null)
    {
        var graph = StandInGraph.Current
            ?? throw new TensorflowException("tf.gradients is not supported when eager execution is enabled. Use tf.GradientTape instead.");
        var recorded = graph.Operations.ToArray();
        var seed = grad_ys ?? graph.AddOperation("OnesLike", [ys], DTypes.Base(ys.dtype), ys.shape);
        var grads = Backprop.Run(recorded, ys, seed);
        return xs.Select(x => grads.GetValueOrDefault(x)).ToArray();
    }

    private static Array ToArray(object scalar)
    {
        var array = Array.CreateInstance(scalar.GetType(), 1);
        array.SetValue(scalar, 0);
        return array;
    }

    private static Shape ShapeOf(Array array, bool isArray) =>
        isArray ? new Shape(Enumerable.Range(0, array.Rank).Select(array.GetLength).ToArray()) : new Shape(Array.Empty<long>());
}
