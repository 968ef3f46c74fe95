using Tensorflow;
using Tensorflow.Eager;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// Eager execution of one op (Eager/EagerRunner.TFE_FastPathExecute.cs): run the kernel, turn a failed
/// status into an exception (Status.Check), and, while any tape is active, record the op through
/// tf.Runner.RecordGradient (EagerRunner.RunCallbacks.cs). This is the only place ops get recorded,
/// besides explicit RecordGradient calls.
/// </summary>
internal static class FastPath
{
    public static Tensor[] Execute(FakeTensorFlow runtime, string opType, Tensor[] inputs, IReadOnlyDictionary<string, object> attrs)
    {
        var def = OpCatalog.Get(opType);
        if (inputs.Any(t => t is not EagerTensor))
        {
            throw new InvalidOperationException($"fake runtime: a symbolic tensor reached the eager fast path of {opType}");
        }

        var attrValues = def.WithDefaults(attrs);
        Tensor[] results;
        try
        {
            results = [def.Kernel(inputs.Cast<EagerTensor>().ToArray(), attrValues)];
        }
        catch (KernelStatus status)
        {
            throw status.ToTensorFlowNet();
        }

        var flattened = def.FlattenedAttrs(attrs, inputs);
        runtime.LogExecuted(opType, flattened);
        if (runtime.Tapes.Count > 0)
        {
            runtime.Runner.RecordGradient(opType, inputs, flattened, results);
        }

        return results;
    }
}
