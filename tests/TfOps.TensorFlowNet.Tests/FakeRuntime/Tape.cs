using Tensorflow;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// One gradient tape (Gradients/Tape.cs, Tape.RecordOperation.cs, Tape.PrepareBackprop.cs,
/// Tape.ComputeGradient.cs): which tensors it watches or produced, and the ops it recorded with their
/// backward functions.
/// </summary>
internal sealed class Tape(bool persistent)
{
    // Tensor -> id of the recorded op that produced it; -1 for a watched tensor (TensorTape).
    private readonly Dictionary<Tensor, long> _tensorTape = new(ReferenceEqualityComparer.Instance);
    private readonly SortedDictionary<long, Entry> _ops = [];
    private long _nextOpId;

    public bool Persistent { get; } = persistent;

    /// <summary>tensor_tape_.emplace(id, -1): a tensor already produced by a recorded op keeps its op.</summary>
    public void Watch(Tensor x) => _tensorTape.TryAdd(x, -1);

    /// <summary>An input this tape knows, of a trainable dtype (IsDtypeTrainable: exact dtypes, no reference dtypes).</summary>
    public bool ShouldRecord(Tensor[] inputs) => inputs.Any(t => _tensorTape.ContainsKey(t) && IsDtypeTrainable(t.dtype));

    public void RecordOperation(string opType, Tensor[] inputs, Tensor[] outputs, BackwardFunction backward)
    {
        if (!ShouldRecord(inputs))
        {
            return;
        }

        long id = _nextOpId++;
        foreach (var output in outputs)
        {
            _tensorTape[output] = id;
        }

        _ops[id] = new Entry(opType, inputs, outputs, backward);
    }

    /// <summary>
    /// d(target)/d(source), seeded with <paramref name="outputGradient"/> or ones; null when source is
    /// not connected. Ops reachable from the target run in reverse recording order, which is a valid
    /// reverse topological order because ops are recorded as they execute. Gradients for tensors with
    /// no incoming gradient are zeros (build_default_zeros_grads). Two gradients for one tensor would
    /// be summed with tf.add_n, which is not modelled.
    /// </summary>
    public Tensor? ComputeGradient(Tensor target, Tensor source, Tensor? outputGradient)
    {
        var reachable = Reachable(target);
        var gradients = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
        if (outputGradient is not null)
        {
            gradients[target] = outputGradient;
        }
        else if (_tensorTape.TryGetValue(target, out long producer) && producer != -1 || ReferenceEquals(target, source))
        {
            gradients[target] = NaiveKernels.Fill(target.dtype, target.shape, ones: true);
        }

        foreach (long id in reachable.OrderDescending())
        {
            var entry = _ops[id];
            var outGrads = entry.Outputs.Select(o => gradients.GetValueOrDefault(o)).ToArray();
            if (outGrads.All(g => g is null))
            {
                continue;
            }

            for (int i = 0; i < outGrads.Length; i++)
            {
                outGrads[i] ??= NaiveKernels.Fill(entry.Outputs[i].dtype, entry.Outputs[i].shape, ones: false);
                if (!ReferenceEquals(entry.Outputs[i], source))
                {
                    gradients.Remove(entry.Outputs[i]);
                }
            }

            long[] unneeded = Enumerable.Range(0, entry.Inputs.Length)
                .Where(i => !_tensorTape.ContainsKey(entry.Inputs[i]) && !ReferenceEquals(entry.Inputs[i], source))
                .Select(i => (long)i)
                .ToArray();
            var inGrads = entry.Backward(outGrads!, unneeded);
            for (int i = 0; i < inGrads.Length; i++)
            {
                if (inGrads[i] is not null && !gradients.TryAdd(entry.Inputs[i], inGrads[i]))
                {
                    throw new NotSupportedException("fake runtime: a tensor with two gradients needs tf.add_n, which is not modelled");
                }
            }
        }

        if (!Persistent)
        {
            _ops.Clear();
        }

        return gradients.GetValueOrDefault(source);
    }

    private HashSet<long> Reachable(Tensor target)
    {
        var reachable = new HashSet<long>();
        var pending = new Stack<Tensor>([target]);
        while (pending.TryPop(out var tensor))
        {
            if (_tensorTape.TryGetValue(tensor, out long id) && id != -1 && _ops.ContainsKey(id) && reachable.Add(id))
            {
                foreach (var input in _ops[id].Inputs)
                {
                    pending.Push(input);
                }
            }
        }

        return reachable;
    }

    private static bool IsDtypeTrainable(TF_DataType dtype) => dtype is TF_DataType.TF_HALF or TF_DataType.TF_BFLOAT16
        or TF_DataType.TF_FLOAT or TF_DataType.TF_DOUBLE or TF_DataType.TF_COMPLEX64 or TF_DataType.TF_COMPLEX128
        or TF_DataType.TF_RESOURCE or TF_DataType.TF_VARIANT;

    private sealed record Entry(string OpType, Tensor[] Inputs, Tensor[] Outputs, BackwardFunction Backward);
}
