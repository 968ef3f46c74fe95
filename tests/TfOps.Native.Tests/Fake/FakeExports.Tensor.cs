using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

// tensorflow/c/tf_tensor.h
internal static unsafe partial class FakeExports
{
    // void* TF_TensorData(const TF_Tensor*);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* TF_TensorData(nint tensor) => (void*)Guard(() => (nint)Fake.Heap.Get<FakeTensor>(tensor).Buffer.Data, 0);

    // int TF_NumDims(const TF_Tensor*);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int TF_NumDims(nint tensor) => Guard(() => Fake.Heap.Get<FakeTensor>(tensor).Buffer.Shape.Length, 0);

    // int64_t TF_Dim(const TF_Tensor* tensor, int dim_index);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long TF_Dim(nint tensor, int index) => Guard(() => Fake.Heap.Get<FakeTensor>(tensor).Buffer.Shape[index], 0L);

    // TF_DataType TF_TensorType(const TF_Tensor*);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int TF_TensorType(nint tensor) => Guard(() => (int)Fake.Heap.Get<FakeTensor>(tensor).Buffer.DataType, 0);

    // int64_t TF_TensorElementCount(const TF_Tensor* tensor);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long TF_TensorElementCount(nint tensor) =>
        Guard(() => Fake.Heap.Get<FakeTensor>(tensor).Buffer.Shape.Aggregate(1L, (n, d) => n * d), 0L);

    // size_t TF_TensorByteSize(const TF_Tensor*);
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nuint TF_TensorByteSize(nint tensor) => Guard(() => (nuint)Fake.Heap.Get<FakeTensor>(tensor).Buffer.ByteSize, 0u);

    // void TF_DeleteTensor(TF_Tensor*);  (the wrapper only: the buffer belongs to the context)
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TF_DeleteTensor(nint tensor) => Guard(() =>
    {
        if (Fake.Heap.Remove<FakeTensor>(tensor) is not null)
        {
            Fake.CountTensor(created: false);
        }
    });

    private static nint NewTensor(FakeBuffer buffer)
    {
        Fake.CountTensor(created: true);
        return Fake.Heap.Add(new FakeTensor(buffer));
    }
}
