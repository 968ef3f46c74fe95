using Tensorflow;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// The process's tape stack behind the one shared GradientTape object (Gradients/GradientTape.cs,
/// APIs/tf.gradients.cs, Eager/EagerRunner.TFE_TapeGradient.cs).
/// </summary>
internal sealed class TapeSet(FakeTensorFlow runtime)
{
    private readonly Stack<Tape> _tapes = new();

    public int Count => _tapes.Count;

    /// <summary>Innermost first, as foreach over a Stack enumerates (tf.GetTapeSet()).</summary>
    public IEnumerable<Tape> Active => _tapes;

    public void Push(bool persistent) => _tapes.Push(new Tape(persistent));

    /// <summary>watch: ignored without a tape, else on the innermost one.</summary>
    public void Watch(Tensor x)
    {
        if (_tapes.Count > 0)
        {
            _tapes.Peek().Watch(x);
        }
    }

    /// <summary>
    /// gradient: the innermost tape (Stack.Peek, so InvalidOperationException when none is left), popped
    /// first unless persistent (stop_recording), so ops that run during its backward pass are recorded
    /// only on the tapes outside it.
    /// </summary>
    public Tensor Gradient(Tensor target, Tensor source, List<Tensor>? outputGradients, string? unconnectedGradients)
    {
        var tape = _tapes.Peek();
        if (!tape.Persistent)
        {
            _tapes.Pop();
        }

        var outputGradient = outputGradients is { Count: > 0 } ? outputGradients[0] : null;
        var result = tape.ComputeGradient(target, source, outputGradient);
        return result ?? (unconnectedGradients == "zero" ? NaiveKernels.Fill(source.dtype, source.shape, ones: false) : null!);
    }

    /// <summary>GradientTape.Dispose clears every tape, nested ones included.</summary>
    public void Clear() => _tapes.Clear();

    internal FakeTensorFlow Runtime => runtime;
}
