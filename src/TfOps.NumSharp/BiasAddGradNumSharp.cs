using System.Numerics;
using NumSharp;

namespace TfOps;

/// <summary>NumSharp entry: <c>BiasAddGrad.Compute(NDArray, DataFormat)</c>, a C# 14 static extension on <see cref="BiasAddGrad"/>.</summary>
public static class BiasAddGradNumSharp
{
    extension(BiasAddGrad)
    {
        /// <summary>
        /// Computes the bias gradient of <paramref name="outBackprop"/>: its sum over every axis except
        /// the channel axis (last for NHWC, axis 1 for NCHW). Returns a new 1-D NDArray of C elements in
        /// the input's dtype. NumSharp's element types map to TensorFlow's dtypes (Single = float32,
        /// Half = float16, Complex = complex128, SByte = int8, ...); NumSharp has no bfloat16, complex64
        /// or quantized types: use the span overloads for those.
        /// </summary>
        /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text (also for Boolean and other unsupported element types).</exception>
        public static NDArray Compute(NDArray outBackprop, DataFormat format)
        {
            ArgumentNullException.ThrowIfNull(outBackprop);
            return outBackprop.typecode switch
            {
                NPTypeCode.Single => Run<float>(outBackprop, format),
                NPTypeCode.Double => Run<double>(outBackprop, format),
                NPTypeCode.Half => Run<Half>(outBackprop, format),
                NPTypeCode.Complex => Run<Complex>(outBackprop, format),
                NPTypeCode.SByte => Run<sbyte>(outBackprop, format),
                NPTypeCode.Byte => Run<byte>(outBackprop, format),
                NPTypeCode.Int16 => Run<short>(outBackprop, format),
                NPTypeCode.UInt16 => Run<ushort>(outBackprop, format),
                NPTypeCode.Int32 => Run<int>(outBackprop, format),
                NPTypeCode.UInt32 => Run<uint>(outBackprop, format),
                NPTypeCode.Int64 => Run<long>(outBackprop, format),
                NPTypeCode.UInt64 => Run<ulong>(outBackprop, format),
                NPTypeCode.Boolean => throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage("bool")),
                NPTypeCode.String or NPTypeCode.Char => throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage("string")),
                var other => throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage(other.ToString())),
            };
        }
    }

    private static NDArray Run<T>(NDArray outBackprop, DataFormat format) where T : unmanaged
    {
        long[] shape = [.. outBackprop.shape.Select(d => (long)d)];
        // ToArray copies in logical (C) order, so slices and transposed views are read as they appear.
        T[] input = outBackprop.size == 0 ? [] : outBackprop.ToArray<T>();
        var output = new T[ChannelCount(shape, format)];
        BiasAddGrad.Compute<T>(input, shape, format, output);
        return np.array(output);
    }

    // Invalid formats and ranks get 0 here; the kernel then reports them with TensorFlow's text.
    private static long ChannelCount(long[] shape, DataFormat format) =>
        shape.Length < 2 || !DataFormats.IsDefined(format) ? 0 : shape[format == DataFormat.NHWC ? shape.Length - 1 : 1];
}
