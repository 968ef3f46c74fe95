// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;

namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: what TensorFlow.NET does behind its surface, in its runtime classes (Context,
/// EagerRunner, Tape, Graph, the generated op wrappers) and in native code (the kernels). The
/// declarations in this assembly delegate here; the test project supplies the implementation, whose
/// comments name the TensorFlow.NET source each behaviour follows.
/// </summary>
public interface IStandInRuntime
{
    /// <summary><c>tf.Runner</c> (TensorFlow.NET: a thread-local <c>EagerRunner</c>).</summary>
    IEagerRunner Runner { get; }

    /// <summary><c>tf.executing_eagerly()</c>: false in graph mode.</summary>
    bool ExecutingEagerly { get; }

    /// <summary><c>tf.constant</c>: an eager tensor made from the value, or a Const op in graph mode.</summary>
    Tensor Constant(object value, TF_DataType dtype, Shape shape, string name);

    /// <summary>
    /// A generated op wrapper (<c>gen_nn_ops.bias_add_grad</c>, <c>gen_array_ops.reshape</c>, ...):
    /// <paramref name="attrs"/> are the non-inferred attrs the wrapper hands to the fast path.
    /// </summary>
    Tensor ExecuteGenerated(string opType, string name, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs);

    /// <summary><c>tf.reduce_sum</c> (math_ops, through <c>tf.Context.ExecuteOp</c>).</summary>
    Tensor ReduceSum(Tensor input, Axis axis, bool keepdims, string name);

    /// <summary><c>tf.GradientTape()</c>: pushes a new tape onto the process's tape stack.</summary>
    void PushTape(bool persistent, bool watchAccessedVariables);

    /// <summary><c>GradientTape.watch</c>: watches on the tape at the top of the stack.</summary>
    void Watch(Tensor x);

    /// <summary><c>GradientTape.gradient</c> of the tape at the top of the stack.</summary>
    Tensor Gradient(Tensor target, Tensor source, List<Tensor> outputGradients, string unconnectedGradients);

    /// <summary><c>GradientTape.Dispose</c>: clears the whole tape stack.</summary>
    void ClearTapes();

    /// <summary><c>tf.gradients</c> (graph mode).</summary>
    Tensor[] Gradients(Tensor[] ys, Tensor[] xs, Tensor[] gradYs);
}
