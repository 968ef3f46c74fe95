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

        int rank = api.Tensor.NumDims(input.Pointer);
        Span<long> shape = rank <= StackRank ? stackalloc long[StackRank] : new long[rank];
        shape = shape[..Math.Max(rank, 0)];
        for (int axis = 0; axis < shape.Length; axis++)
        {
            shape[axis] = api.Tensor.Dim(input.Pointer, axis);
        }

        // TensorFlow's checks and texts (dtype, rank, the int32-max rule) before any buffer is touched.
        var validated = BiasAddGrad.Validate(dtype, shape, format);
        CheckDeclaredTypes(api, context, dtype);
        CheckBufferSize(api, input, validated.InputByteCount, "input");
        using TensorHandle output = AllocateOutput(api, context, validated, status);
        CheckBufferSize(api, output, validated.OutputByteCount, "output");

        // Typed spans, not bytes: a byte span stops at 2 GiB, while the op accepts up to int32-max
        // elements of any width (Validate guarantees both counts fit an int).
        var run = new InPlaceRun(
            api.Tensor.TensorData(input.Pointer), (int)validated.ElementCount, shape,
            api.Tensor.TensorData(output.Pointer), (int)validated.Channels, format, runtime.ComputeOptions);
        TfDataTypes.Accept<InPlaceRun, bool>(dtype, ref run);
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

    private static TensorHandle AllocateOutput(KernelApi api, TfOpKernelContext* context, in BiasAddGradShape validated, StatusHandle status) // TF_OpKernelContext*
    {
        long dims = validated.Channels;
        TfTensor* tensor = api.Kernels.AllocateOutput(context, 0, (int)validated.DataType, &dims, 1, (nuint)validated.OutputByteCount, status.Pointer); // TF_Tensor*
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

    // TensorFlow only runs this kernel for a registered T, so a mismatch between the tensor and the
    // node means the host broke the contract: report it, never guess. (A T outside the op's list is
    // left to Validate, which reports it with TensorFlow's text.)
    private static void CheckDeclaredTypes(KernelApi api, TfOpKernelContext* context, TfDataType dtype) // TF_OpKernelContext*
    {
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
    private static void CheckBufferSize(KernelApi api, TensorHandle tensor, long bytes, string role)
    {
        ulong have = api.Tensor.TensorByteSize(tensor.Pointer);
        if (have < (ulong)bytes)
        {
            throw new TfOpsException(TfCode.Internal, $"BiasAddGrad's {role} tensor holds {have} bytes, fewer than the {bytes} its shape needs");
        }
    }

    /// <summary>The kernel on TensorFlow's buffers, for the dtype's storage type (TfDataTypes.Accept picks it).</summary>
    private readonly ref struct InPlaceRun(
        void* input, int inputLength, ReadOnlySpan<long> shape, // input: TF_TensorData of the input tensor
        void* output, int outputLength, DataFormat format, KernelOptions options) // output: TF_TensorData of the allocated output
        : IDataTypeVisitor<bool>
    {
        private readonly ReadOnlySpan<long> _shape = shape;

        public bool Visit<T>()
            where T : unmanaged
        {
            BiasAddGrad.Compute(new ReadOnlySpan<T>(input, inputLength), _shape, format, new Span<T>(output, outputLength), options);
            return true;
        }
    }
}
