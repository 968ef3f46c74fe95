using Tensorflow;
using Tensorflow.Eager;
using Tensorflow.StandIn;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>Builds stand-in eager tensors and the eager operations a tape would hand over.</summary>
internal static class Tensors
{
    public static TF_DataType ToTf(TfDataType dtype) => (TF_DataType)(int)dtype;

    public static EagerTensor Eager(TfDataType dtype, long[] dims, int seed) =>
        new(TestData.Values(dtype, dims.Aggregate(1L, (a, b) => a * b), seed), new Shape(dims), ToTf(dtype));

    public static Operation BiasAddOp(Tensor gradient, string dataFormat, string type = "BiasAdd")
    {
        long channels = Naive.Channels(gradient.shape.dims, dataFormat == "NCHW" ? DataFormat.NCHW : DataFormat.NHWC);
        var bias = new EagerTensor(new byte[channels * TfDataTypes.ElementSize((TfDataType)((int)gradient.dtype % 100))], new Shape(channels), gradient.dtype);
        var value = new EagerTensor(new byte[gradient.BufferToArray().Length], gradient.shape, gradient.dtype);
        return type == "BiasAddV1"
            ? StandInEager.Operation(type, [value, bias], [gradient])
            : StandInEager.Operation(type, [value, bias], [gradient], ("data_format", dataFormat));
    }

    public static Operation BiasAddGradOp(Tensor outBackprop, string dataFormat) =>
        StandInEager.Operation("BiasAddGrad", [outBackprop], [], ("data_format", dataFormat), ("T", outBackprop.dtype));
}
