// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Eager;

/// <summary>
/// <c>tf.Runner</c> (Eager/IEagerRunner.cs): only the two members an integration uses to put its own
/// results on the active tapes. The parameter name and default of RecordGradient are TensorFlow.NET's
/// (the interface's, not EagerRunner's), so that a call compiled here binds to the real assembly.
/// </summary>
public interface IEagerRunner
{
    /// <summary>
    /// Records an op on every active tape that watches one of <paramref name="inputs"/> with a trainable
    /// dtype; false when none does. Without <paramref name="getBackwardFunction"/> the backward pass looks
    /// <paramref name="op_name"/> up in <c>ops.gradientFunctions</c> when it runs.
    /// </summary>
    bool RecordGradient(string op_name, Tensor[] inputs, object[] attrs, Tensor[] results, BackwardFunction getBackwardFunction = null);

    /// <summary>True while any tape is active (EagerRunner.MustRecordGradient: the tape set is not empty).</summary>
    bool MustRecordGradient();
}
