// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>
/// A tensor: symbolic (a graph op's output, no value) or, as <see cref="Eager.EagerTensor"/>, a value
/// whose TF_Tensor buffer the stand-in models with a pinned managed array (so its address is stable
/// for the tensor's lifetime, like TF_TensorData).
/// </summary>
public class Tensor : DisposableObject
{
    private readonly TF_DataType _dtype;
    private readonly Shape _shape;
    private readonly Operation _op;
    private byte[] _data;

    // A graph op's output (TensorFlow.NET: Tensor(Operation op, int value_index, TF_DataType dtype)).
    internal Tensor(TF_DataType dtype, Shape shape, Operation op)
    {
        _dtype = dtype;
        _shape = shape;
        _op = op;
    }

    // A value: `pinned` must come from GC.AllocateUninitializedArray(pinned: true) and is owned from here on.
    private protected Tensor(byte[] pinned, TF_DataType dtype, Shape shape)
        : base(Address(pinned))
    {
        _data = pinned;
        _dtype = dtype;
        _shape = shape;
    }

    public virtual TF_DataType dtype => _dtype;

    public Shape shape => _shape;

    /// <summary>The producing graph operation; null for eager tensors (TensorFlow.NET: Tensor.op => _op).</summary>
    public Operation op => _op;

    /// <summary>TF_TensorData of the buffer; <see cref="IntPtr.Zero"/> without one (a symbolic tensor).</summary>
    /// <exception cref="ObjectDisposedException">After Dispose (P/Invoke through a closed SafeHandle).</exception>
    public virtual IntPtr TensorDataPointer => DataAddress();

    public virtual IntPtr buffer => DataAddress();

    /// <summary>Copies the elements out (Tensor.Value.cs: the element type's dtype must equal <see cref="dtype"/>).</summary>
    public virtual T[] ToArray<T>() where T : unmanaged
    {
        var expected = DTypes.FromElementType(typeof(T));
        if (expected != dtype)
        {
            throw new ArrayTypeMismatchException($"Required dtype {dtype} mismatch with {expected}.");
        }

        return MemoryMarshal.Cast<byte, T>(BufferToArray()).ToArray();
    }

    /// <summary>Copies the bytes out (Tensor.Value.cs: bytesize is 0 without a buffer, so a symbolic tensor gives none).</summary>
    public unsafe byte[] BufferToArray() =>
        _data is null ? [] : new ReadOnlySpan<byte>((void*)DataAddress(), _data.Length).ToArray();

    public override string ToString() => $"tf.Tensor '{op?.name}' shape={shape} dtype={dtype}";

    protected override void DisposeUnmanagedResources(IntPtr handle) => _data = null;

    private IntPtr DataAddress()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _data is null ? IntPtr.Zero : Address(_data);
    }

    private static unsafe IntPtr Address(byte[] pinned) =>
        (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
