// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Numerics;
using System.Runtime.InteropServices;
using Tensorflow.Eager;
using TfOps;

namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: plays TensorFlow's CPU kernels for BiasAdd and BiasAddGrad in eager mode.
/// BiasAddGrad runs the TfOps kernel, so tests that need an independent expectation compute their
/// own; BiasAdd is a plain loop here (TfOps ships no forward op).
/// </summary>
internal static class CpuKernels
{
    public static EagerTensor BiasAddGrad(Tensor outBackprop, string dataFormat)
    {
        var dims = outBackprop.shape.dims;
        var shape = TfOps.BiasAddGrad.Validate(KernelType(outBackprop.dtype), dims, dataFormat);
        var output = new byte[shape.OutputByteCount];
        TfOps.BiasAddGrad.Compute(shape.DataType, outBackprop.BufferToArray(), dims, shape.Format, output);
        return new EagerTensor(output, new Shape(shape.Channels), DTypes.Base(outBackprop.dtype));
    }

    public static EagerTensor BiasAdd(Tensor value, Tensor bias, string dataFormat)
    {
        var shape = TfOps.BiasAddGrad.Validate(KernelType(value.dtype), value.shape.dims, dataFormat);
        byte[] output = value.BufferToArray();
        byte[] biasBytes = bias.BufferToArray();
        var add = new AddBias(output, biasBytes, shape);
        TfDataTypes.Accept<AddBias, bool>(shape.DataType, ref add);
        return new EagerTensor(output, value.shape, DTypes.Base(value.dtype));
    }

    /// <summary>Graph-time output length: C when known, else -1.</summary>
    public static long ChannelsOrUnknown(Shape shape, string dataFormat) =>
        DataFormats.TryParse(dataFormat, out var format) && shape.ndim >= 2 ? shape.dims[TfOps.BiasAddGrad.ChannelAxis(shape.ndim, format)] : -1;

    private static TfDataType KernelType(TF_DataType dtype) => (TfDataType)(int)DTypes.Base(dtype);

    /// <summary>value[n, c, i] += bias[c] in the storage type, as TensorFlow's BiasAdd functor does.</summary>
    private readonly struct AddBias(byte[] values, byte[] bias, BiasAddGradShape shape) : IDataTypeVisitor<bool>
    {
        public bool Visit<T>()
            where T : unmanaged
        {
            var x = MemoryMarshal.Cast<byte, T>(values.AsSpan());
            var b = MemoryMarshal.Cast<byte, T>(bias.AsSpan());
            int index = 0;
            for (long n = 0; n < shape.Outer; n++)
            {
                for (int c = 0; c < shape.Channels; c++)
                {
                    for (long i = 0; i < shape.Inner; i++, index++)
                    {
                        x[index] = Add(x[index], b[c]);
                    }
                }
            }

            return true;
        }

        private static T Add<T>(T left, T right)
            where T : unmanaged
        {
            object sum = (left, right) switch
            {
                (float l, float r) => l + r,
                (double l, double r) => l + r,
                (Half l, Half r) => l + r,
                (BFloat16 l, BFloat16 r) => BFloat16.FromSingle(l.ToSingle() + r.ToSingle()),
                (Complex64 l, Complex64 r) => new Complex64(l.Real + r.Real, l.Imaginary + r.Imaginary),
                (Complex l, Complex r) => l + r,
                (sbyte l, sbyte r) => unchecked((sbyte)(l + r)),
                (byte l, byte r) => unchecked((byte)(l + r)),
                (short l, short r) => unchecked((short)(l + r)),
                (ushort l, ushort r) => unchecked((ushort)(l + r)),
                (int l, int r) => unchecked(l + r),
                (uint l, uint r) => unchecked(l + r),
                (long l, long r) => unchecked(l + r),
                (ulong l, ulong r) => unchecked(l + r),
                _ => throw new NotSupportedException($"stand-in: no BiasAdd for {typeof(T)}"),
            };
            return (T)sum;
        }
    }
}
