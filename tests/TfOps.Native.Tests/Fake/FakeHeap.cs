using System.Collections.Concurrent;

namespace TfOps.Native.Tests.Fake;

/// <summary>
/// Hands out addresses for the fake's objects. The plugin treats them as opaque C pointers and never
/// dereferences them, so any unique non-null value works; keeping the map makes every release
/// checkable (a leak stays in the map, a double free or a stray pointer is counted).
/// </summary>
internal sealed class FakeHeap
{
    private readonly ConcurrentDictionary<nint, object> _live = new();
    private long _next = 0x1000;
    private int _badFrees;

    public int BadFrees => _badFrees;

    public nint Add(object value)
    {
        nint address = (nint)Interlocked.Add(ref _next, 16);
        _live[address] = value;
        return address;
    }

    public T Get<T>(nint address) where T : class =>
        _live.TryGetValue(address, out object? value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"0x{address:x} is not a live {typeof(T).Name}");

    public T? Remove<T>(nint address) where T : class
    {
        if (_live.TryRemove(address, out object? value) && value is T typed)
        {
            return typed;
        }

        Interlocked.Increment(ref _badFrees);
        return null;
    }

    public int Count<T>() => _live.Values.Count(v => v is T);
}
