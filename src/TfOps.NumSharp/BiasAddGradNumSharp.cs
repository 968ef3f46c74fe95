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
        /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text (also for Boolean, String and Char arrays),
        /// or for an element type TensorFlow has no dtype for (Decimal).</exception>
        public static NDArray Compute(NDArray outBackprop, DataFormat format)
        {
            ArgumentNullException.ThrowIfNull(outBackprop);
            long[] shape = [.. outBackprop.shape.Select(d => (long)d)];
            var validated = BiasAddGrad.Validate(DataTypeOf(outBackprop.typecode), shape, format);
            var run = new Run(outBackprop, shape, validated);
            return TfDataTypes.Accept<Run, NDArray>(validated.DataType, ref run);
        }
    }

    // NumSharp's type codes -> TensorFlow's dtypes; Validate rejects the ones outside the op's list with TensorFlow's text.
    private static TfDataType DataTypeOf(NPTypeCode typecode) => typecode switch
    {
        NPTypeCode.Single => TfDataType.Float,
        NPTypeCode.Double => TfDataType.Double,
        NPTypeCode.Half => TfDataType.Half,
        NPTypeCode.Complex => TfDataType.Complex128,
        NPTypeCode.SByte => TfDataType.Int8,
        NPTypeCode.Byte => TfDataType.UInt8,
        NPTypeCode.Int16 => TfDataType.Int16,
        NPTypeCode.UInt16 => TfDataType.UInt16,
        NPTypeCode.Int32 => TfDataType.Int32,
        NPTypeCode.UInt32 => TfDataType.UInt32,
        NPTypeCode.Int64 => TfDataType.Int64,
        NPTypeCode.UInt64 => TfDataType.UInt64,
        NPTypeCode.Boolean => TfDataType.Bool,
        NPTypeCode.String or NPTypeCode.Char => TfDataType.String,
        var other => throw new TfOpsException(TfCode.InvalidArgument, $"NumSharp's {other} arrays have no TensorFlow dtype"),
    };

    /// <summary>The visit for the array's storage type: copy out in logical order, compute, wrap.</summary>
    private readonly struct Run(NDArray outBackprop, long[] shape, BiasAddGradShape validated) : IDataTypeVisitor<NDArray>
    {
        public NDArray Visit<T>()
            where T : unmanaged
        {
            // ToArray copies in logical (C) order, so slices and transposed views are read as they appear.
            T[] input = validated.ElementCount == 0 ? [] : outBackprop.ToArray<T>();
            var output = new T[validated.Channels];
            BiasAddGrad.Compute<T>(input, shape, validated.Format, output);
            return np.array(output);
        }
    }
}
