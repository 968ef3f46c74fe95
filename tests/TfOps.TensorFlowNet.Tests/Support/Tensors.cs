using Tensorflow;
using Tensorflow.Eager;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>
/// Builds eager tensors and the <see cref="EagerOperation"/>s a backward pass hands to a gradient
/// function, through TensorFlow.NET's public API only (as EagerRunner.GetGradientFunction does).
/// </summary>
internal static class Tensors
{
    public static TF_DataType ToTf(TfDataType dtype) => (TF_DataType)(int)dtype;

    /// <summary>An eager tensor of TestData values; zero-element shapes through the shape constructor (a byte[] one cannot be empty).</summary>
    public static EagerTensor Eager(TfDataType dtype, long[] dims, int seed)
    {
        var values = TestData.Values(dtype, dims.Aggregate(1L, (a, b) => a * b), seed);
        return values.Length == 0 ? new EagerTensor(new Shape(dims), ToTf(dtype)) : new EagerTensor(values, new Shape(dims), ToTf(dtype));
    }

    /// <summary>What the tape recorded for BiasAdd (or BiasAddV1, which has no data_format) and hands to its gradient.</summary>
    public static EagerOperation BiasAddOp(Tensor gradient, string dataFormat, string type = "BiasAdd")
    {
        long channels = Naive.Channels(gradient.shape.dims, dataFormat == "NCHW" ? DataFormat.NCHW : DataFormat.NHWC);
        var bias = new EagerTensor(new Shape(channels), gradient.dtype);
        var value = new EagerTensor(gradient.shape, gradient.dtype);
        object[] attrs = type == "BiasAddV1"
            ? ["T", gradient.dtype, "T", gradient.dtype]
            : ["data_format", dataFormat, "T", gradient.dtype, "T", gradient.dtype];
        return Operation(type, [value, bias], [gradient], attrs);
    }

    /// <summary>What the tape recorded for BiasAddGrad(out_backprop).</summary>
    public static EagerOperation BiasAddGradOp(Tensor outBackprop, string dataFormat) =>
        Operation("BiasAddGrad", [outBackprop], [], ["data_format", dataFormat, "T", outBackprop.dtype]);

    public static EagerOperation Operation(string type, Tensor[] inputs, Tensor[] outputs, object[] attrs) =>
        new() { Name = type, Inputs = inputs, Outputs = outputs, Attrs = attrs };

    /// <summary>Calls the registered gradient of <paramref name="opType"/> as an eager backward pass does (by the recorded op name).</summary>
    public static Tensor[] Backward(string opType, Operation op, params Tensor[] grads) => ops.gradientFunctions[opType](op, grads);
}
