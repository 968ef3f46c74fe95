using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

// tensorflow/c/kernels.h
internal static unsafe partial class FakeExports
{
    // TF_KernelBuilder* TF_NewKernelBuilder(const char* op_name, const char* device_name,
    //     void* (*create_func)(TF_OpKernelConstruction*), void (*compute_func)(void*, TF_OpKernelContext*),
    //     void (*delete_func)(void*));
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint TF_NewKernelBuilder(byte* opName, byte* deviceName, nint create, nint compute, nint delete)
    {
        string op = Utf8(opName), device = Utf8(deviceName);
        return Guard(() =>
        {
            Fake.CountBuilder(created: true);
            return Fake.Heap.Add(new FakeBuilder(op, device, create, compute, delete));
        }, 0);
    }

    // void TF_DeleteKernelBuilder(TF_KernelBuilder* builder);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_DeleteKernelBuilder(nint builder) => Guard(() =>
    {
        if (Fake.Heap.Remove<FakeBuilder>(builder) is not null)
        {
            Fake.CountBuilder(created: false);
        }
    });

    // void TF_KernelBuilder_TypeConstraint(TF_KernelBuilder* kernel_builder, const char* attr_name,
    //     const TF_DataType type, TF_Status* status);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_KernelBuilder_TypeConstraint(nint builder, byte* attrName, int type, nint status)
    {
        string attr = Utf8(attrName);
        Guard(() =>
        {
            Clear(status);
            if (Fake.RejectTypeConstraint == (TfDataType)type)
            {
                Fail(status, TfCode.InvalidArgument, $"fake: type constraint {type} rejected");
                return;
            }

            Fake.Heap.Get<FakeBuilder>(builder).TypeConstraints.Add((attr, (TfDataType)type));
        });
    }

    // void TF_KernelBuilder_HostMemory(TF_KernelBuilder* kernel_builder, const char* arg_name);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_KernelBuilder_HostMemory(nint builder, byte* argName)
    {
        string arg = Utf8(argName);
        Guard(() => Fake.Heap.Get<FakeBuilder>(builder).HostMemoryArgs.Add(arg));
    }

    // void TF_KernelBuilder_Priority(TF_KernelBuilder* kernel_builder, int32_t priority_number);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_KernelBuilder_Priority(nint builder, int priority) =>
        Guard(() => Fake.Heap.Get<FakeBuilder>(builder).Priority = priority);

    // void TF_KernelBuilder_Label(TF_KernelBuilder* kernel_builder, const char* label);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_KernelBuilder_Label(nint builder, byte* label)
    {
        string text = Utf8(label);
        Guard(() => Fake.Heap.Get<FakeBuilder>(builder).Label = text);
    }

    // void TF_RegisterKernelBuilder(const char* kernel_name, TF_KernelBuilder* builder, TF_Status* status);
    // Takes ownership of the builder, whatever the outcome.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_RegisterKernelBuilder(byte* kernelName, nint builder, nint status) => Guard(() =>
    {
        Clear(status);
        FakeBuilder? taken = Fake.Heap.Remove<FakeBuilder>(builder);
        if (Fake.RegisterFailure is { } failure)
        {
            Fail(status, failure.Code, failure.Message);
        }
        else if (taken is not null)
        {
            Fake.AddRegistration(taken);
        }
    });

    // void TF_GetInput(TF_OpKernelContext* ctx, int i, TF_Tensor** tensor, TF_Status* status);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_GetInput(nint context, int index, nint* tensor, nint status)
    {
        nint result = Guard(() =>
        {
            Clear(status);
            FakeComputeContext ctx = Fake.Heap.Get<FakeComputeContext>(context);
            if (index != 0)
            {
                Fail(status, TfCode.OutOfRange, $"input index out of range: {index}");
                return 0;
            }

            return NewTensor(ctx.Input);
        }, 0);
        if (result != 0)
        {
            *tensor = result;
        }
    }

    // TF_Tensor* TF_AllocateOutput(TF_OpKernelContext* context, int index, TF_DataType dtype,
    //     const int64_t* dims, int num_dims, size_t len, TF_Status* status);
    // Like TensorFlow: the output's dtype is the node's, dtype and len are not used to allocate.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint TF_AllocateOutput(nint context, int index, int dtype, long* dims, int numDims, nuint len, nint status)
    {
        long[] shape = new ReadOnlySpan<long>(dims, numDims).ToArray();
        return Guard(() =>
        {
            Clear(status);
            FakeComputeContext ctx = Fake.Heap.Get<FakeComputeContext>(context);
            ctx.RequestedOutputBytes = len;
            if (ctx.FailAllocation)
            {
                Fail(status, TfCode.ResourceExhausted,
                    $"OOM when allocating tensor with shape[{string.Join(",", shape)}] and type {TfDataTypes.CppName(ctx.DeclaredType)} on /job:localhost/replica:0/task:0/device:CPU:0 by allocator cpu");
                return 0;
            }

            if (index != 0 || ctx.Output is not null)
            {
                Fail(status, TfCode.Internal, $"output {index} allocated twice or out of range");
                return 0;
            }

            long elements = shape.Aggregate(1L, (n, d) => n * d);
            ctx.Output = new FakeBuffer(ctx.DeclaredType, shape, new byte[elements * TfDataTypes.ElementSize(ctx.DeclaredType)]);
            return NewTensor(ctx.Output);
        }, 0);
    }

    // TF_DataType TF_InputDatatype(TF_OpKernelContext*, int index);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int TF_InputDatatype(nint context, int index) =>
        Guard(() => (int)Fake.Heap.Get<FakeComputeContext>(context).DeclaredType, 0);

    // TF_DataType TF_ExpectedOutputDataType(TF_OpKernelContext* ctx, int i);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int TF_ExpectedOutputDataType(nint context, int index) =>
        Guard(() => (int)Fake.Heap.Get<FakeComputeContext>(context).DeclaredType, 0);

    // void TF_OpKernelContext_Failure(TF_OpKernelContext* ctx, TF_Status* status);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_OpKernelContext_Failure(nint context, nint status) => Guard(() =>
    {
        FakeStatus s = Fake.Heap.Get<FakeStatus>(status);
        Fake.Heap.Get<FakeComputeContext>(context).Failure = (s.Code, s.Message);
    });

    // void TF_OpKernelConstruction_Failure(TF_OpKernelConstruction* ctx, TF_Status* status);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_OpKernelConstruction_Failure(nint construction, nint status) => Guard(() =>
    {
        FakeStatus s = Fake.Heap.Get<FakeStatus>(status);
        Fake.Heap.Get<FakeConstruction>(construction).Failure = (s.Code, s.Message);
    });

    // void TF_OpKernelConstruction_GetAttrSize(TF_OpKernelConstruction* ctx, const char* attr_name,
    //     int32_t* list_size, int32_t* total_size, TF_Status* status);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_OpKernelConstruction_GetAttrSize(nint construction, byte* attrName, int* listSize, int* totalSize, nint status)
    {
        string name = Utf8(attrName);
        int size = Guard(() =>
        {
            Clear(status);
            if (Fake.Heap.Get<FakeConstruction>(construction).Attrs.TryGetValue(name, out byte[]? value))
            {
                return value.Length;
            }

            Fail(status, TfCode.InvalidArgument, $"Operation '' has no attr named '{name}'.");
            return -1;
        }, -1);
        *listSize = -1; // a scalar (non-list) attr
        *totalSize = size;
    }

    // void TF_OpKernelConstruction_GetAttrString(TF_OpKernelConstruction* ctx, const char* attr_name,
    //     char* val, size_t max_length, TF_Status* status);
    // Copies min(length, max_length) bytes and, like TensorFlow, no NUL terminator.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_OpKernelConstruction_GetAttrString(nint construction, byte* attrName, byte* value, nuint maxLength, nint status)
    {
        string name = Utf8(attrName);
        byte[] attr = Guard(() =>
        {
            Clear(status);
            if (Fake.Heap.Get<FakeConstruction>(construction).Attrs.TryGetValue(name, out byte[]? bytes))
            {
                return bytes;
            }

            Fail(status, TfCode.InvalidArgument, $"Operation '' has no attr named '{name}'.");
            return [];
        }, []);
        int count = (int)Math.Min((ulong)attr.Length, maxLength);
        attr.AsSpan(0, count).CopyTo(new Span<byte>(value, count));
    }
}
