// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: the reverse walk shared by the tape and tf.gradients. Like TensorFlow.NET it looks
/// each gradient function up in <see cref="ops.gradientFunctions"/> when the backward pass runs.
/// </summary>
internal static class Backprop
{
    public static Dictionary<Tensor, Tensor> Run(IReadOnlyList<Operation> recorded, Tensor target, Tensor seed)
    {
        var grads = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [target] = seed };
        for (int i = recorded.Count - 1; i >= 0; i--)
        {
            var op = recorded[i];
            var outputGrads = op.outputs.Select(o => grads.GetValueOrDefault(o)).ToArray();
            if (outputGrads.All(g => g is null))
            {
                continue;
            }

            var function = ops.get_gradient_function(op);
            if (function is null)
            {
                continue;
            }

            var inputGrads = function(op, outputGrads);
            for (int j = 0; j < op.inputs.Length && j < inputGrads.Length; j++)
            {
                if (inputGrads[j] is null)
                {
                    continue;
                }

                if (!grads.TryAdd(op.inputs[j], inputGrads[j]))
                {
                    throw new NotSupportedException("stand-in: a tensor feeding two ops needs gradient accumulation, which is not modelled");
                }
            }
        }

        return grads;
    }
}
