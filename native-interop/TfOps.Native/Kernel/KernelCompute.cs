using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Kernel;

/// <summary>
/// The body of the compute callback: input tensor -> validate -> allocate the [C] output -> the
/// kernel reads TensorFlow's input buffer and writes TensorFlow's output buffer directly. Every
/// TF_Tensor wrapper and TF_Status is a SafeHandle in a <c>using</c>, so each path releases them.
/// </summary>
internal static unsafe class KernelCompute
{
    // Ranks above this (TensorFlow allows up to 254) take their dims from the heap.
    private const int StackRank = 16;

    public static void Run(PluginRuntime.Snapshot runtime, DataFormat format, TfOpKernelContext* context) // TF_OpKernelContext*
    {
        KernelApi api = runtime.Api;
        using StatusHandle status = StatusHandle.Create(api.Status);
        using TensorHandle input = GetInput(api, context, status);

        var dtype = (TfDataType)api.Tensor.TensorType(input.Pointer);
        CheckDataType(api, context, dtype);
        int size = TfDataTypes.ElementSize(dtype);

        int rank = api.Tensor.NumDims(input.Pointer);
        Span<long> shape = rank <= StackRank ? stackalloc long[StackRank] : new long[rank];
        shape = shape[..Math.Max(rank, 0)];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = api.Tensor.Dim(input.Pointer, axis);
        }

        long elements = api.Tensor.TensorElementCount(input.Pointer);
        CheckBufferSize(api, input, elements, size, "input");
        void* inputData = api.Tensor.TensorData(input.Pointer); // TF_TensorData: TensorFlow's buffer, read in place
        // Beyond int.MaxValue elements the kernel rejects the shape (TensorFlow's int32-max rule)
        // before it looks at the span, so clamping the length never hides data it would read.
        int inputLength = (int)Math.Clamp(elements, 0, int.MaxValue);

        if (shape.Length < 2)
        {
            // No output shape exists; the kernel raises TensorFlow's rank error, text and all.
            TensorDispatch.Compute(dtype, inputData, inputLength, shape, format, null, 0, runtime.ComputeOptions);
            throw new TfOpsException(TfCode.Internal, "BiasAddGrad accepted a tensor of rank < 2");
        }

        long channels = shape[format == DataFormat.NHWC ? shape.Length - 1 : 1];
        using TensorHandle output = AllocateOutput(api, context, dtype, channels, size, status);
        CheckBufferSize(api, output, channels, size, "output");
        // A zero dim elsewhere lets C exceed int range with no elements; clamping (never wrapping)
        // leaves the length check to the kernel.
        TensorDispatch.Compute(dtype, inputData, inputLength, shape, format,
            api.Tensor.TensorData(output.Pointer), (int)Math.Min(channels, int.MaxValue), runtime.ComputeOptions);
    }

    private static TensorHandle GetInput(KernelApi api, TfOpKernelContext* context, StatusHandle status) // TF_OpKernelContext*
    {
        TfTensor* tensor = null; // TF_Tensor*, owned by us once TF_GetInput sets it
        api.Kernels.GetInput(context, 0, &tensor, status.Pointer);
        var handle = new TensorHandle(api.Tensor, tensor); // owned before the status check, so a failure still frees it
        try
        {
            status.ThrowIfFailed();
            return !handle.IsInvalid ? handle : throw new TfOpsException(TfCode.Internal, "TF_GetInput returned no tensor");
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static TensorHandle AllocateOutput(KernelApi api, TfOpKernelContext* context, TfDataType dtype, long channels, int size, StatusHandle status) // TF_OpKernelContext*
    {
        long dims = channels;
        TfTensor* tensor = api.Kernels.AllocateOutput(context, 0, (int)dtype, &dims, 1, (nuint)(channels * size), status.Pointer); // TF_Tensor*
        var handle = new TensorHandle(api.Tensor, tensor);
        try
        {
            status.ThrowIfFailed();
            return !handle.IsInvalid ? handle : throw new TfOpsException(TfCode.ResourceExhausted, "TF_AllocateOutput returned NULL");
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    // The op's dtype list comes first (TensorFlow's attr order); TensorFlow only runs this kernel for
    // a registered T, so a mismatch below means the host broke the contract: report it, never guess.
    private static void CheckDataType(KernelApi api, TfOpKernelContext* context, TfDataType dtype) // TF_OpKernelContext*
    {
        if (!TfDataTypes.IsBiasAddGradType(dtype))
        {
            throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }

        if (api.Kernels.InputDatatype is not null && (TfDataType)api.Kernels.InputDatatype(context, 0) is var declared && declared != dtype)
        {
            throw new TfOpsException(TfCode.Internal,
                $"BiasAddGrad's input tensor is {TfDataTypes.CppName(dtype)} but the node declares {TfDataTypes.CppName(declared)}");
        }

        if (api.Kernels.ExpectedOutputDataType is not null && (TfDataType)api.Kernels.ExpectedOutputDataType(context, 0) is var expected && expected != dtype)
        {
            throw new TfOpsException(TfCode.Internal,
                $"BiasAddGrad's output must be {TfDataTypes.CppName(dtype)} but TensorFlow expects {TfDataTypes.CppName(expected)}");
        }
    }

    // Reading or writing past a buffer TensorFlow sized differently would corrupt its memory.
    private static void CheckBufferSize(KernelApi api, TensorHandle tensor, long elements, int size, string role)
    {
        ulong have = api.Tensor.TensorByteSize(tensor.Pointer);
        if (elements < 0 || have < (ulong)elements * (ulong)size)
        {
            throw new TfOpsException(TfCode.Internal, $"BiasAddGrad's {role} tensor holds {have} bytes, fewer than {elements} elements of {size} bytes");
        }
    }
}
