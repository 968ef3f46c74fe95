// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: which ops TensorFlow's runtime executed eagerly on this async flow, so a test can
/// tell "computed by the managed kernel" from "handed to TensorFlow's op".
/// </summary>
public sealed class ExecutedOps : IDisposable
{
    private static readonly AsyncLocal<ExecutedOps> s_current = new();
    private readonly List<string> _types = [];
    private readonly ExecutedOps _previous;

    private ExecutedOps(ExecutedOps previous) => _previous = previous;

    public IReadOnlyList<string> Types => _types;

    public static ExecutedOps Capture()
    {
        var log = new ExecutedOps(s_current.Value);
        s_current.Value = log;
        return log;
    }

    internal static void Record(string type) => s_current.Value?._types.Add(type);

    public void Dispose() => s_current.Value = _previous;
}
