// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>Entry point: <c>using static Tensorflow.Binding;</c> then <c>tf.…</c>.</summary>
public static partial class Binding
{
    public static tensorflow tf { get; } = new();
}
