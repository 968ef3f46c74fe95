using System.Collections.Concurrent;
using TfOps.Native.Interop;

namespace TfOps.Native.Tests.Fake;

/// <summary>
/// A stand-in for TensorFlow's C kernel API, written in C#: the exports in <see cref="FakeExports"/>
/// have the C signatures, and this object holds what they record. It behaves like TensorFlow where
/// the plugin can tell (ownership, NUL-less attr strings, kernel selection by priority and label).
/// One is active at a time, because the exports are static functions.
/// </summary>
internal sealed class FakeTensorFlow : ISymbolSource, IDisposable
{
    private static FakeTensorFlow? s_active;

    private readonly HashSet<string> _omitted;
    private readonly List<FakeBuilder> _registrations = [];
    private int _statusesCreated, _statusesDeleted, _tensorsCreated, _tensorsDeleted, _buildersCreated, _buildersDeleted;

    private FakeTensorFlow(IEnumerable<string> omitted) => _omitted = [.. omitted];

    /// <summary>The fake the exports currently serve.</summary>
    public static FakeTensorFlow Active => s_active ?? throw new InvalidOperationException("No fake TensorFlow is active");

    public string Name => "fake TensorFlow (C#)";

    internal FakeHeap Heap { get; } = new();

    /// <summary>Failures inside the fake's exports (a bad pointer from the plugin, for instance).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>When set, TF_RegisterKernelBuilder fails with this status after taking the builder.</summary>
    public (TfCode Code, string Message)? RegisterFailure { get; set; }

    /// <summary>When set, TF_KernelBuilder_TypeConstraint fails for this dtype.</summary>
    public TfDataType? RejectTypeConstraint { get; set; }

    public IReadOnlyList<FakeBuilder> Registrations
    {
        get
        {
            lock (_registrations)
            {
                return [.. _registrations];
            }
        }
    }

    public int StatusesCreated => _statusesCreated;

    public int StatusesDeleted => _statusesDeleted;

    public int TensorsCreated => _tensorsCreated;

    public int TensorsDeleted => _tensorsDeleted;

    public int BuildersCreated => _buildersCreated;

    public int BuildersDeleted => _buildersDeleted;

    /// <summary>Starts a fake that exports every kernel-API function except <paramref name="omitted"/>.</summary>
    public static FakeTensorFlow Start(params string[] omitted)
    {
        var fake = new FakeTensorFlow(omitted);
        s_active = fake;
        return fake;
    }

    public bool TryGetExport(string symbol, out nint address)
    {
        address = 0;
        return !_omitted.Contains(symbol) && FakeExports.Table.TryGetValue(symbol, out address);
    }

    public void Dispose()
    {
        if (ReferenceEquals(s_active, this))
        {
            s_active = null;
        }
    }

    internal void CountStatus(bool created) => Interlocked.Increment(ref created ? ref _statusesCreated : ref _statusesDeleted);

    internal void CountTensor(bool created) => Interlocked.Increment(ref created ? ref _tensorsCreated : ref _tensorsDeleted);

    internal void CountBuilder(bool created) => Interlocked.Increment(ref created ? ref _buildersCreated : ref _buildersDeleted);

    internal void AddRegistration(FakeBuilder builder)
    {
        lock (_registrations)
        {
            _registrations.Add(builder);
        }
    }

    /// <summary>TensorFlow's kernel selection: same op, device and label, matching T, highest priority, no tie.</summary>
    internal FakeBuilder? FindKernel(string op, TfDataType dtype, string label, out string? error)
    {
        FakeBuilder[] matches = [.. Registrations.Where(r => r.Op == op && r.Device == "CPU" && r.Label == label
            && r.TypeConstraints.All(c => c.Attr != "T" || c.Type == dtype))];
        error = null;
        if (matches.Length == 0)
        {
            error = $"No registered '{op}' OpKernel for 'CPU' devices compatible with node {{{{node {op}}}}}";
            return null;
        }

        int best = matches.Max(r => r.Priority);
        if (matches.Count(r => r.Priority == best) > 1)
        {
            error = "Multiple OpKernel registrations match NodeDef at the same priority";
            return null;
        }

        return matches.Single(r => r.Priority == best);
    }

    /// <summary>Builds and constructs the kernel TensorFlow would pick for a BiasAddGrad node (see <see cref="FakeKernel"/>).</summary>
    public FakeKernel? CreateKernel(TfDataType dtype, string dataFormat, out FakeRunResult? failure, string label = "") =>
        FakeKernel.Create(this, dtype, dataFormat, label, out failure);

    /// <summary>Runs one BiasAddGrad node from kernel selection to deletion, as eager TensorFlow would.</summary>
    public FakeRunResult Run(TfDataType dtype, long[] shape, ReadOnlySpan<byte> input, string dataFormat = "NHWC",
        string label = "", bool failAllocation = false)
    {
        using FakeKernel? kernel = CreateKernel(dtype, dataFormat, out FakeRunResult? failure, label);
        return kernel is null || failure is not null ? failure! : kernel.Compute(shape, input, failAllocation);
    }
}
