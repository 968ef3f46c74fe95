// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;
using TfOps;

namespace Tensorflow.StandIn;

/// <summary>
/// Stand-in only: plays TensorFlow's CPU kernels for BiasAdd and BiasAddGrad in eager mode. It runs
/// the TfOps kernel, so tests that need an independent expectation compute their own.
/// </summary>
internal static class CpuKernels
{
    public static EagerTensor BiasAddGrad(Tensor outBackprop, string dataFormat)
    {
        var dtype = CheckedKernelType(outBackprop.dtype);
        var format = DataFormats.Parse(dataFormat);
        var dims = outBackprop.shape.dims;
        long channels = Math.Max(0, Channels(dims, format));
        var output = new byte[channels * TfDataTypes.ElementSize(dtype)];
        TfOps.BiasAddGrad.Compute(dtype, outBackprop.BufferToArray(), dims, format, output);
        return new EagerTensor(output, new Shape(channels), DTypes.Base(outBackprop.dtype));
    }

    public static EagerTensor BiasAdd(Tensor value, Tensor bias, string dataFormat)
    {
        var dtype = CheckedKernelType(value.dtype);
        var format = DataFormats.Parse(dataFormat);
        var output = new byte[value.BufferToArray().Length];
        TfOps.BiasAdd.Compute(dtype, value.BufferToArray(), value.shape.dims, bias.BufferToArray(), format, output);
        return new EagerTensor(output, value.shape, DTypes.Base(value.dtype));
    }

    /// <summary>Graph-time output length: C when known, else -1.</summary>
    public static long ChannelsOrUnknown(Shape shape, string dataFormat) =>
        DataFormats.TryParse(dataFormat, out var format) && shape.ndim >= 2 ? Channels(shape.dims, format) : -1;

    private static long Channels(long[] dims, DataFormat format) =>
        dims.Length < 2 ? 0 : dims[format == DataFormat.NHWC ? dims.Length - 1 : 1];

    private static TfDataType CheckedKernelType(TF_DataType dtype)
    {
        var kernelType = (TfDataType)(int)DTypes.Base(dtype);
        return TfDataTypes.IsBiasAddGradType(kernelType)
            ? kernelType
            : throw new TfOpsException(TfCode.InvalidArgument, TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(kernelType)));
    }
}
