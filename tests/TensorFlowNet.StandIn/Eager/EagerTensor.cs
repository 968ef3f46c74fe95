// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tensorflow.StandIn;

namespace Tensorflow.Eager;

/// <summary>A concrete tensor whose bytes live in a pinned managed array (TensorFlow.NET: native memory).</summary>
public class EagerTensor : Tensor
{
    // Pinned, so TensorDataPointer stays valid without a handle to free.
    private readonly byte[] _bytes;

    public EagerTensor(Array array, Shape shape)
        : this(Copy(array), shape, DTypes.FromArray(array))
    {
    }

    public EagerTensor(byte[] bytes, Shape shape, TF_DataType dtype)
        : base(dtype, shape, null)
    {
        long expected = DTypes.ElementCount(shape) * DTypes.ElementSize(dtype);
        if (bytes.Length != expected)
        {
            throw new InvalidArgumentError($"{bytes.Length} bytes given for shape {shape} of {dtype}, which needs {expected}");
        }

        _bytes = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(_bytes, 0);
    }

    public unsafe EagerTensor(IntPtr data_ptr, Shape shape, TF_DataType dtype)
        : this(new ReadOnlySpan<byte>((void*)data_ptr, checked((int)(DTypes.ElementCount(shape) * DTypes.ElementSize(dtype)))).ToArray(), shape, dtype)
    {
    }

    public EagerTensor(Shape shape, TF_DataType dtype)
        : this(new byte[DTypes.ElementCount(shape) * DTypes.ElementSize(dtype)], shape, dtype)
    {
    }

    public override unsafe IntPtr TensorDataPointer => (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));

    private static byte[] Copy(Array array)
    {
        var dtype = DTypes.FromArray(array);
        int length = checked(array.Length * DTypes.ElementSize(dtype));
        return MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(array), length).ToArray();
    }
}
