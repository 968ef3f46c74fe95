// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Runtime.InteropServices;
using Tensorflow.StandIn;

namespace Tensorflow.Eager;

/// <summary>
/// A concrete tensor. The public constructors follow TensorFlow.NET 0.150's Tensor.Creation.cs and
/// c_api.tensor.cs, sharp edges included; op results come from the runtime (<see cref="FromRuntime"/>).
/// </summary>
public class EagerTensor : Tensor
{
    private EagerTensor(Shape shape, TF_DataType dtype, byte[] pinned)
        : base(pinned, dtype, shape)
    {
    }

    /// <summary>
    /// Tensor.InitTensor(Array, Shape): a zero-element shape allocates without copying; otherwise only
    /// bool, byte, short, int, long, ulong, float and double arrays are accepted (anything else throws
    /// NotImplementedException), and shape.size elements are copied from the array's start.
    /// </summary>
    public EagerTensor(Array array, Shape shape)
        : this(shape, DTypes.FromElementType(array.GetType().GetElementType()), FromArray(array, shape))
    {
    }

    /// <summary>
    /// Tensor.InitTensor(Shape, byte[], TF_DataType) -> c_api.TF_NewTensor(byte[] data, Shape, TF_DataType),
    /// which allocates data.Length bytes and then pins <c>&amp;data[0]</c>: an empty array throws
    /// <see cref="IndexOutOfRangeException"/>, whatever the shape.
    /// </summary>
    public EagerTensor(byte[] bytes, Shape shape, TF_DataType dtype)
        : this(shape, dtype, FromBytes(bytes, shape, dtype))
    {
    }

    /// <summary>Tensor(IntPtr, Shape, TF_DataType) -> TF_NewTensor(shape, dtype, data): copies shape.size elements.</summary>
    public EagerTensor(IntPtr data_ptr, Shape shape, TF_DataType dtype)
        : this(shape, dtype, FromPointer(data_ptr, ByteCount(shape, dtype)))
    {
    }

    /// <summary>
    /// Tensor.InitTensor(Shape, TF_DataType) -> TF_NewTensor(shape, dtype, null): TF_AllocateTensor, no
    /// copy (TensorFlow leaves the memory uninitialized; the stand-in zeroes it). A zero-element shape
    /// allocates 0 bytes; TensorFlow.NET then throws "AllocateTensor failed." only if TF_TensorData is
    /// null, which TensorFlow's CPU allocator (posix_memalign) does not return on glibc.
    /// </summary>
    public EagerTensor(Shape shape, TF_DataType dtype)
        : this(shape, dtype, Allocate(ByteCount(shape, dtype)))
    {
    }

    /// <summary>
    /// Stand-in only: an op's output as TensorFlow returns it (TFE_Execute, then TF_TensorFromTensor,
    /// which gives a zero-element result a valid empty buffer).
    /// </summary>
    internal static EagerTensor FromRuntime(ReadOnlySpan<byte> data, Shape shape, TF_DataType dtype)
    {
        if (data.Length != ByteCount(shape, dtype))
        {
            throw new InvalidOperationException($"stand-in runtime: {data.Length} bytes for {shape} of {dtype}");
        }

        var pinned = Allocate(data.Length);
        data.CopyTo(pinned);
        return new EagerTensor(shape, dtype, pinned);
    }

    private static byte[] FromArray(Array array, Shape shape)
    {
        var dtype = DTypes.FromElementType(array.GetType().GetElementType());
        long bytes = ByteCount(shape, dtype);
        if (bytes == 0)
        {
            return Allocate(0);
        }

        if (array.Rank > 4 || dtype is not (TF_DataType.TF_BOOL or TF_DataType.TF_UINT8 or TF_DataType.TF_INT16 or TF_DataType.TF_INT32
            or TF_DataType.TF_INT64 or TF_DataType.TF_UINT64 or TF_DataType.TF_FLOAT or TF_DataType.TF_DOUBLE))
        {
            throw new NotImplementedException("");
        }

        var source = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(array), array.Length * DTypes.ElementSize(dtype));
        if (bytes > source.Length)
        {
            // TensorFlow.NET would read past the array's end.
            throw new NotSupportedException($"stand-in: shape {shape} needs more elements than the array holds");
        }

        var pinned = Allocate(bytes);
        source[..pinned.Length].CopyTo(pinned);
        return pinned;
    }

    private static unsafe byte[] FromBytes(byte[] bytes, Shape shape, TF_DataType dtype)
    {
        if (bytes.Length < ByteCount(shape, dtype))
        {
            // TF_AllocateTensor returns null for a buffer smaller than the shape; TensorFlow.NET then uses it.
            throw new NotSupportedException($"stand-in: TF_AllocateTensor gives no tensor for {bytes.Length} bytes of {shape} {dtype}");
        }

        var pinned = Allocate(bytes.Length);
        fixed (void* source = &bytes[0])
        {
            new ReadOnlySpan<byte>(source, bytes.Length).CopyTo(pinned);
        }

        return pinned;
    }

    private static unsafe byte[] FromPointer(IntPtr data, long bytes)
    {
        var pinned = Allocate(bytes);
        if (data != IntPtr.Zero)
        {
            new ReadOnlySpan<byte>((void*)data, pinned.Length).CopyTo(pinned);
        }

        return pinned;
    }

    private static byte[] Allocate(long bytes) => GC.AllocateArray<byte>(checked((int)bytes), pinned: true);

    private static long ByteCount(Shape shape, TF_DataType dtype) => DTypes.ElementCount(shape) * DTypes.ElementSize(dtype);
}
