using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps;

public static partial class BiasAddGrad
{
    /// <summary>
    /// Computes the bias gradient of a .NET tensor (System.Numerics.Tensors). Dense tensors are read
    /// in place; strided or broadcast views are flattened first.
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute<T>(in ReadOnlyTensorSpan<T> outBackprop, DataFormat format, Span<T> output, KernelOptions? options = null)
        where T : unmanaged
    {
        ReadOnlySpan<nint> lengths = outBackprop.Lengths;
        Span<long> shape = lengths.Length <= 16 ? stackalloc long[lengths.Length] : new long[lengths.Length];
        for (int axis = 0; axis < lengths.Length; axis++)
        {
            shape[axis] = lengths[axis];
        }

        if (outBackprop.IsDense || outBackprop.FlattenedLength == 0)
        {
            // FlattenedLength fits an int whenever the shape passes validation; a bigger one is rejected there.
            int length = (int)Math.Min(outBackprop.FlattenedLength, int.MaxValue);
            var data = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in outBackprop.GetPinnableReference()), length);
            Compute(data, shape, format, output, options);
            return;
        }

        if (!TfDataTypes.TryFromElementType<T>(out var dtype))
        {
            ValidationErrors.NotAllowedType(typeof(T));
        }

        Validate(dtype, shape, format); // before renting a buffer for a shape the op rejects
        T[] flat = ArrayPool<T>.Shared.Rent((int)outBackprop.FlattenedLength);
        try
        {
            var dense = flat.AsSpan(0, (int)outBackprop.FlattenedLength);
            outBackprop.FlattenTo(dense);
            Compute<T>(dense, shape, format, output, options);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(flat);
        }
    }
}
