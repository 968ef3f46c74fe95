namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// The ops TensorFlow ran eagerly while the log was open, with the attrs the fast path recorded, so a
/// test can tell "computed by the managed kernel" (nothing here) from "handed to TensorFlow's op".
/// </summary>
internal sealed class ExecutedOps(Action<ExecutedOps> close) : IDisposable
{
    private readonly List<(string Type, object[] Attrs)> _ops = [];

    public IReadOnlyList<string> Types => _ops.Select(o => o.Type).ToList();

    /// <summary>The attr <paramref name="name"/> of the <paramref name="index"/>-th op (first occurrence, as EagerOperation.get_attr scans).</summary>
    public object? Attr(int index, string name)
    {
        var attrs = _ops[index].Attrs;
        for (int i = 0; i < attrs.Length; i += 2)
        {
            if (Equals(attrs[i], name))
            {
                return attrs[i + 1];
            }
        }

        return null;
    }

    public void Dispose() => close(this);

    internal void Add(string type, object[] attrs) => _ops.Add((type, attrs));
}
