using Tensorflow;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet;

/// <summary>
/// Puts managed results on the active tapes, as TensorFlow.NET's fast path does for the ops it runs
/// (EagerRunner.TFE_FastPathExecute -> RunCallbacks -> RecordGradient). A tensor made from bytes is
/// recorded nowhere by itself, so without this an outer tape could not differentiate through a
/// gradient computed by the managed kernel (second order through nested tapes).
/// </summary>
internal static class TapeRecording
{
    /// <summary>
    /// The name the second-order broadcast is recorded under. It is not a TensorFlow op: it is recorded
    /// with an explicit backward function, so the name is never looked up in <c>ops.gradientFunctions</c>.
    /// </summary>
    public const string BroadcastOpName = "TfOpsBiasAddGradGrad";

    /// <summary>
    /// Records <paramref name="result"/> as TensorFlow's BiasAddGrad of <paramref name="outBackprop"/>, so
    /// an outer tape differentiates it through the registered "BiasAddGrad" gradient.
    /// </summary>
    public static void BiasAddGrad(Tensor outBackprop, Tensor result, DataFormat format)
    {
        if (tf.Runner.MustRecordGradient())
        {
            tf.Runner.RecordGradient("BiasAddGrad", [outBackprop], Attrs(result, format), [result]);
        }
    }

    /// <summary>
    /// Records the broadcast of a <c>[C]</c> <paramref name="gradient"/> to out_backprop's shape. Its own
    /// gradient is the BiasAddGrad of the upstream gradient in the same format (third order and up).
    /// </summary>
    public static void Broadcast(Tensor gradient, Tensor result, DataFormat format)
    {
        if (tf.Runner.MustRecordGradient())
        {
            string dataFormat = format.ToAttrString();
            tf.Runner.RecordGradient(
                BroadcastOpName,
                [gradient],
                Attrs(result, format),
                [result],
                (grads, _) => [BiasGradients.FirstOrder(grads[0], dataFormat)]);
        }
    }

    // The attrs TensorFlow's fast path records for BiasAddGrad, as name/value pairs.
    private static object[] Attrs(Tensor result, DataFormat format) => ["T", result.dtype, "data_format", format.ToAttrString()];
}
