// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Runtime.InteropServices;
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>
/// A tensor. In the stand-in a plain <see cref="Tensor"/> is symbolic (a graph output with no value);
/// <see cref="Eager.EagerTensor"/> holds a value in pinned managed memory.
/// </summary>
public class Tensor
{
    // Stand-in only: TensorFlow.NET builds graph tensors from native handles.
    internal Tensor(TF_DataType dtype, Shape shape, Operation op)
    {
        this.dtype = dtype;
        this.shape = shape;
        this.op = op;
    }

    public TF_DataType dtype { get; }

    public Shape shape { get; }

    /// <summary>The operation that produced this tensor (null for eager constants).</summary>
    public Operation op { get; internal set; }

    /// <summary>Host buffer of a resolved tensor; <see cref="IntPtr.Zero"/> for a symbolic one.</summary>
    public virtual IntPtr TensorDataPointer => IntPtr.Zero;

    public IntPtr buffer => TensorDataPointer;

    /// <summary>Copies the elements out; the element type must match <see cref="dtype"/>.</summary>
    public virtual unsafe T[] ToArray<T>() where T : unmanaged
    {
        if (!DTypes.TryFromElementType(typeof(T), out var expected) || expected != DTypes.Base(dtype))
        {
            throw new ArrayTypeMismatchException($"Required dtype {dtype} mismatch with {typeof(T).Name}.");
        }

        var bytes = BufferToArray();
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    /// <summary>Copies the raw little-endian bytes out.</summary>
    public unsafe byte[] BufferToArray()
    {
        if (TensorDataPointer == IntPtr.Zero && ByteLength != 0)
        {
            throw new TensorflowException("The tensor is symbolic: it has no value until its graph runs.");
        }

        return new ReadOnlySpan<byte>((void*)TensorDataPointer, checked((int)ByteLength)).ToArray();
    }

    internal long ByteLength => DTypes.ElementCount(shape) * DTypes.ElementSize(dtype);

    public override string ToString() => $"tf.Tensor '{op?.name}' shape={shape} dtype={dtype}";
}
