// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Collections.Immutable;
using Tensorflow.Eager;
using Tensorflow.StandIn;

namespace Tensorflow.Gradients;

/// <summary>
/// Records eager ops that touch watched tensors, then runs the backward pass through
/// <see cref="ops.gradientFunctions"/>. Ops run while a tape computes its own gradient are not
/// recorded on it (outer tapes still record them, as in TensorFlow).
/// </summary>
public class GradientTape : IDisposable
{
    private static readonly AsyncLocal<ImmutableList<GradientTape>> s_active = new();
    private readonly List<Operation> _operations = [];
    private readonly HashSet<Tensor> _tracked = new(ReferenceEqualityComparer.Instance);
    private bool _recording = true;

    // Stand-in only: every tape may compute gradients more than once, so `persistent` is not modelled.
    internal GradientTape() => s_active.Value = (s_active.Value ?? []).Add(this);

    public void watch(Tensor x) => _tracked.Add(x);

    /// <summary>d(sum of target)/d(source); null when source does not reach target.</summary>
    public Tensor gradient(Tensor target, Tensor source)
    {
        _recording = false;
        try
        {
            var count = DTypes.ElementCount(target.shape);
            var one = DTypes.One(target.dtype);
            var seedBytes = new byte[count * one.Length];
            for (long i = 0; i < count; i++)
            {
                one.CopyTo(seedBytes, i * one.Length);
            }

            var seed = new EagerTensor(seedBytes, target.shape, DTypes.Base(target.dtype));
            return Backprop.Run(_operations, target, seed).GetValueOrDefault(source);
        }
        finally
        {
            _recording = true;
        }
    }

    internal static void Record(EagerOperation op)
    {
        foreach (var tape in s_active.Value ?? [])
        {
            if (tape._recording && op.inputs.Cast<Tensor>().Any(tape._tracked.Contains))
            {
                tape._operations.Add(op);
                tape._tracked.UnionWith(op.outputs);
            }
        }
    }

    public void Dispose()
    {
        s_active.Value = (s_active.Value ?? []).Remove(this);
        GC.SuppressFinalize(this);
    }
}
