using System.Numerics;

namespace TfOps.Native.Kernel;

/// <summary>
/// Calls the kernel on TensorFlow's buffers in place. The typed overload is used (not the raw-bytes
/// one) because a span of bytes stops at 2 GiB while the op accepts up to int32-max elements of any
/// width; the quantized dtypes map onto their storage integers, which is how the kernel sums them.
/// </summary>
internal static unsafe class TensorDispatch
{
    /// <summary>
    /// Runs BiasAddGrad on <paramref name="input"/> (<paramref name="inputLength"/> elements of
    /// <paramref name="dtype"/>) into <paramref name="output"/> (<paramref name="outputLength"/> elements).
    /// </summary>
    public static void Compute(TfDataType dtype, void* input, int inputLength, ReadOnlySpan<long> shape, DataFormat format, // input: TF_TensorData of the input
        void* output, int outputLength, KernelOptions options) // output: TF_TensorData of the allocated output
    {
        switch (dtype)
        {
            case TfDataType.Float: Run<float>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Double: Run<double>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Half: Run<Half>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.BFloat16: Run<BFloat16>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Complex64: Run<Complex64>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Complex128: Run<Complex>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Int8 or TfDataType.QInt8: Run<sbyte>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.UInt8 or TfDataType.QUInt8: Run<byte>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Int16 or TfDataType.QInt16: Run<short>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.UInt16 or TfDataType.QUInt16: Run<ushort>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Int32 or TfDataType.QInt32: Run<int>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.UInt32: Run<uint>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.Int64: Run<long>(input, inputLength, shape, format, output, outputLength, options); break;
            case TfDataType.UInt64: Run<ulong>(input, inputLength, shape, format, output, outputLength, options); break;
            default: throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
        }
    }

    private static void Run<T>(void* input, int inputLength, ReadOnlySpan<long> shape, DataFormat format, // TF_TensorData (input)
        void* output, int outputLength, KernelOptions options) // TF_TensorData (output)
        where T : unmanaged =>
        BiasAddGrad.Compute(new ReadOnlySpan<T>(input, inputLength), shape, format, new Span<T>(output, outputLength), options);
}
