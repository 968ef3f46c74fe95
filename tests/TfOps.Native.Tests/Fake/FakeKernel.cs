using System.Text;

namespace TfOps.Native.Tests.Fake;

/// <summary>
/// One node's kernel as TensorFlow holds it: selected from the registrations, constructed once with
/// the node's attrs, then computed any number of times (from any thread), deleted at the end.
/// </summary>
internal sealed unsafe class FakeKernel : IDisposable
{
    private readonly FakeTensorFlow _fake;
    private void* _state; // what create_func returned
    private bool _deleted;

    private FakeKernel(FakeTensorFlow fake, FakeBuilder registration, TfDataType dtype)
    {
        _fake = fake;
        Registration = registration;
        DataType = dtype;
    }

    public FakeBuilder Registration { get; }

    /// <summary>The node's T.</summary>
    public TfDataType DataType { get; }

    /// <summary>The failure create reported; compute is not run after one (TensorFlow does not either).</summary>
    public FakeRunResult? ConstructionFailure { get; private set; }

    /// <summary>Selects and constructs the kernel; a result instead when TensorFlow would fail first.</summary>
    public static FakeKernel? Create(FakeTensorFlow fake, TfDataType dtype, string dataFormat, string label, out FakeRunResult? failure)
    {
        FakeBuilder? registration = fake.FindKernel("BiasAddGrad", dtype, label, out string? error);
        if (registration is null)
        {
            failure = FakeRunResult.Failed(TfCode.NotFound, error!);
            return null;
        }

        var kernel = new FakeKernel(fake, registration, dtype);
        var construction = new FakeConstruction(new Dictionary<string, byte[]>
        {
            ["T"] = BitConverter.GetBytes((int)dtype),
            ["data_format"] = Encoding.UTF8.GetBytes(dataFormat),
        });
        if (registration.Create == 0)
        {
            failure = null; // create_func is optional in the C API
            return kernel;
        }

        nint address = fake.Heap.Add(construction);
        kernel._state = ((delegate* unmanaged[Cdecl]<nint, void*>)registration.Create)(address); // void* (*create_func)(TF_OpKernelConstruction*)
        fake.Heap.Remove<FakeConstruction>(address);
        if (construction.Failure is { } f)
        {
            kernel.ConstructionFailure = FakeRunResult.Failed(f.Code, f.Message);
        }

        failure = kernel.ConstructionFailure;
        return kernel;
    }

    /// <summary>Runs compute on an input of <paramref name="dtype"/> (normally the node's T) and reads back the result.</summary>
    public FakeRunResult Compute(TfDataType dtype, long[] shape, ReadOnlySpan<byte> input, bool failAllocation = false)
    {
        if (ConstructionFailure is not null)
        {
            return ConstructionFailure;
        }

        using var buffer = new FakeBuffer(dtype, shape, input);
        var context = new FakeComputeContext(buffer, DataType, failAllocation);
        nint address = _fake.Heap.Add(context);
        try
        {
            ((delegate* unmanaged[Cdecl]<void*, nint, void>)Registration.Compute)(_state, address); // void (*compute_func)(void*, TF_OpKernelContext*)
        }
        finally
        {
            _fake.Heap.Remove<FakeComputeContext>(address);
        }

        using FakeBuffer? output = context.Output;
        return context.Failure is { } f
            ? FakeRunResult.Failed(f.Code, f.Message)
            : output is null
                ? FakeRunResult.Failed(TfCode.Internal, "fake: compute neither failed nor allocated its output")
                : new FakeRunResult(TfCode.Ok, string.Empty, output.ToArray(), output.Shape, context.RequestedOutputBytes);
    }

    public FakeRunResult Compute(long[] shape, ReadOnlySpan<byte> input, bool failAllocation = false) =>
        Compute(DataType, shape, input, failAllocation);

    /// <summary>delete_func, called for a failed construction too, as TensorFlow does (with what create returned).</summary>
    public void Dispose()
    {
        if (!_deleted && Registration.Delete != 0)
        {
            ((delegate* unmanaged[Cdecl]<void*, void>)Registration.Delete)(_state); // void (*delete_func)(void*)
        }

        _deleted = true;
    }
}
