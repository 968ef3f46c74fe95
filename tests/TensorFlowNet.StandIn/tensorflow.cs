// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;
using Tensorflow.Gradients;
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>A backward function recorded with an op (tensorflow.cs).</summary>
public delegate Tensor[] BackwardFunction(Tensor[] grads, long[] unneeded_gradients);

/// <summary>The <c>tf</c> object: only the members an integration touches; each delegates to the runtime.</summary>
public partial class tensorflow
{
    // tf.gradients.cs: one GradientTape per tensorflow instance; tf.GradientTape() pushes a tape and returns it.
    private readonly GradientTape _tapeSet = new();

    // tensorflow.cs: the constructor loads the built-in gradients (InitGradientEnvironment).
    public tensorflow() => ops.RegisterFromAssembly();

    public IEagerRunner Runner => Runtime.Runner;

    public bool executing_eagerly() => Runtime.ExecutingEagerly;

    public Tensor constant(object value, TF_DataType dtype = TF_DataType.DtInvalid, Shape shape = null, string name = "Const") =>
        Runtime.Constant(value, dtype, shape, name);

    /// <summary>tf.reshape.cs -> gen_array_ops.reshape, with the shape converted to a constant.</summary>
    public Tensor reshape(Tensor tensor, Shape shape, string name = null) =>
        Runtime.ExecuteGenerated("Reshape", name, [tensor, constant(shape.dims)], new Dictionary<string, object>());

    /// <summary>tf.tile.cs -> gen_array_ops.tile.</summary>
    public Tensor tile(Tensor input, Tensor multiples, string name = null) =>
        Runtime.ExecuteGenerated("Tile", name, [input, multiples], new Dictionary<string, object>());

    public Tensor reduce_sum(Tensor input, Axis axis = null, Axis reduction_indices = null, bool keepdims = false, string name = null) =>
        Runtime.ReduceSum(input, axis ?? reduction_indices, keepdims, name);

    public GradientTape GradientTape(bool persistent = false, bool watch_accessed_variables = true)
    {
        Runtime.PushTape(persistent, watch_accessed_variables);
        return _tapeSet;
    }

    /// <summary>Graph-mode symbolic gradients of <paramref name="ys"/> with respect to <paramref name="xs"/>.</summary>
    public Tensor[] gradients(Tensor ys, Tensor[] xs, Tensor[] grad_ys = null, string name = "gradients", bool colocate_gradients_with_ops = false, bool gate_gradients = false, int? aggregation_method = null, Tensor[] stop_gradients = null) =>
        Runtime.Gradients([ys], xs, grad_ys);

    private static IStandInRuntime Runtime => StandInRuntime.Current;
}
