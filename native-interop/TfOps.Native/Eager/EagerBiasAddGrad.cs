using System.Text;
using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Eager;

/// <summary>
/// One BiasAddGrad through TensorFlow's eager C API, on the CPU device: input tensor -> tensor handle
/// -> op (device, T, data_format, optionally _kernel) -> execute -> resolve -> bytes. Every
/// TensorFlow object is a SafeHandle in a <c>using</c>, released in reverse order on every path, the
/// op before the context it belongs to.
/// </summary>
internal static unsafe class EagerBiasAddGrad
{
    // What TensorFlow itself uses as DEFAULT_CPU_DEVICE (c_api_experimental.cc); setting it skips placement.
    private static ReadOnlySpan<byte> CpuDevice => "/job:localhost/replica:0/task:0/device:CPU:0\0"u8;

    /// <summary>
    /// Runs the op in <paramref name="context"/> (the caller holds a reference to it). A non-null
    /// <paramref name="kernelLabel"/> is set as the op's <c>_kernel</c> attr, so TensorFlow considers
    /// only kernels registered with that label.
    /// </summary>
    public static TensorFlowTensor Run(EagerApi api, ContextHandle context, TfDataType dtype, ReadOnlySpan<long> shape,
        string dataFormat, string? kernelLabel, ReadOnlySpan<byte> input)
    {
        using StatusHandle status = StatusHandle.Create(api.Status);
        using TensorHandle tensor = AllocateInput(api, dtype, shape, input);
        // TFE_NewTensorHandle shares the tensor's buffer and does not take ownership of the TF_Tensor:
        // both are released here, and the buffer lives on in the handle (and in the op) meanwhile.
        using EagerTensorHandle inputHandle = Adopt(api, api.Eager.NewTensorHandle(tensor.Pointer, status.Pointer), status, "TFE_NewTensorHandle");
        using OpHandle op = NewOp(api, context, status);
        Configure(api, op, dtype, dataFormat, kernelLabel, status);
        api.Eager.OpAddInput(op.Pointer, inputHandle.Pointer, status.Pointer);
        status.ThrowIfFailed();
        using EagerTensorHandle outputHandle = Execute(api, op, status);
        using TensorHandle output = new(api.Tensor, api.Eager.TensorHandleResolve(outputHandle.Pointer, status.Pointer));
        status.ThrowIfFailed();
        return !output.IsInvalid ? Read(api, output) : throw new TfOpsException(TfCode.Internal, "TFE_TensorHandleResolve returned NULL with an OK status");
    }

    // TF_AllocateTensor gives TensorFlow-aligned memory the caller fills; TF_NewTensor over a managed
    // buffer would either copy it (unaligned) or keep pointing into it after this call returns.
    private static TensorHandle AllocateInput(EagerApi api, TfDataType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<byte> input)
    {
        TfTensor* allocated; // TF_Tensor*, owned by the handle below
        fixed (long* dims = shape) // const int64_t* dims
        {
            allocated = api.Eager.AllocateTensor((int)dtype, dims, shape.Length, (nuint)input.Length);
        }

        var tensor = new TensorHandle(api.Tensor, allocated);
        if (tensor.IsInvalid)
        {
            throw new TfOpsException(TfCode.ResourceExhausted, $"TF_AllocateTensor returned NULL for {input.Length} bytes of {TfDataTypes.CppName(dtype)}");
        }

        try
        {
            nuint size = api.Tensor.TensorByteSize(tensor.Pointer);
            if (size < (nuint)input.Length)
            {
                throw new TfOpsException(TfCode.Internal, $"TF_AllocateTensor gave {size} bytes for an input of {input.Length}");
            }

            if (!input.IsEmpty)
            {
                input.CopyTo(new Span<byte>(api.Tensor.TensorData(tensor.Pointer), input.Length)); // TF_TensorData: the new tensor's buffer
            }

            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    private static OpHandle NewOp(EagerApi api, ContextHandle context, StatusHandle status)
    {
        TfeOp* created; // TFE_Op*, owned by the handle below
        fixed (byte* name = "BiasAddGrad\0"u8) // const char* op_or_function_name
        {
            created = api.Eager.NewOp(context.Pointer, name, status.Pointer);
        }

        var op = new OpHandle(api.Eager, created);
        try
        {
            status.ThrowIfFailed();
            return !op.IsInvalid ? op : throw new TfOpsException(TfCode.Internal, "TFE_NewOp returned NULL with an OK status");
        }
        catch
        {
            op.Dispose();
            throw;
        }
    }

    // Each attr is set exactly once: TensorFlow keeps the first value set for a name and drops later
    // ones silently (AttrBuilder::AddAttrIfNotPresent). T is set before the input is added, so the
    // input's dtype is never the one inferred behind our back.
    private static void Configure(EagerApi api, OpHandle op, TfDataType dtype, string dataFormat, string? kernelLabel, StatusHandle status)
    {
        fixed (byte* device = CpuDevice) // const char* device_name
        {
            api.Eager.OpSetDevice(op.Pointer, device, status.Pointer);
        }

        status.ThrowIfFailed();
        fixed (byte* name = "T\0"u8) // const char* attr_name
        {
            api.Eager.OpSetAttrType(op.Pointer, name, (int)dtype);
        }

        SetString(api, op, "data_format\0"u8, dataFormat);
        if (kernelLabel is not null)
        {
            SetString(api, op, "_kernel\0"u8, kernelLabel);
        }
    }

    // TFE_OpSetAttrString takes the value as bytes and their count: no NUL is appended or read.
    private static void SetString(EagerApi api, OpHandle op, ReadOnlySpan<byte> attrName, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* name = attrName) // const char* attr_name
        fixed (byte* data = bytes) // const void* value
        {
            api.Eager.OpSetAttrString(op.Pointer, name, data, (nuint)bytes.Length);
        }
    }

    private static EagerTensorHandle Execute(EagerApi api, OpHandle op, StatusHandle status)
    {
        TfeTensorHandle* result = null; // TFE_TensorHandle*, owned by us once TFE_Execute sets it
        int count = 1; // in: the size of the retvals array; out: the op's outputs
        api.Eager.Execute(op.Pointer, &result, &count, status.Pointer);
        EagerTensorHandle handle = Adopt(api, result, status, "TFE_Execute");
        if (count != 1)
        {
            handle.Dispose();
            throw new TfOpsException(TfCode.Internal, $"TFE_Execute reported {count} outputs for BiasAddGrad, which has one");
        }

        return handle;
    }

    // Owns the handle before looking at the status, so that a failure still releases it.
    private static EagerTensorHandle Adopt(EagerApi api, TfeTensorHandle* created, StatusHandle status, string call) // TFE_TensorHandle*
    {
        var handle = new EagerTensorHandle(api.Eager, created);
        try
        {
            status.ThrowIfFailed();
            return !handle.IsInvalid ? handle : throw new TfOpsException(TfCode.Internal, $"{call} returned NULL with an OK status");
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    // "The memory returned might alias the internal memory used by TensorFlow": copied, never kept.
    private static TensorFlowTensor Read(EagerApi api, TensorHandle output)
    {
        var dtype = (TfDataType)api.Tensor.TensorType(output.Pointer);
        int rank = api.Tensor.NumDims(output.Pointer);
        long[] shape = new long[Math.Max(rank, 0)];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = api.Tensor.Dim(output.Pointer, axis);
        }

        nuint size = api.Tensor.TensorByteSize(output.Pointer);
        if (size > int.MaxValue)
        {
            throw new TfOpsException(TfCode.ResourceExhausted, $"BiasAddGrad's output holds {size} bytes, more than one .NET array can");
        }

        byte[] data = new byte[(int)size];
        if (data.Length > 0)
        {
            new ReadOnlySpan<byte>(api.Tensor.TensorData(output.Pointer), data.Length).CopyTo(data); // TF_TensorData: TensorFlow's output buffer
        }

        return new TensorFlowTensor(dtype, shape, data);
    }
}
