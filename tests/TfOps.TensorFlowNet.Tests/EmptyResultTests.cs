using Tensorflow;
using Tensorflow.Eager;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// Zero-element results. TensorFlow.NET's byte[] tensor constructor pins the array's first element, so
/// an empty array throws IndexOutOfRangeException; TfOps has TensorFlow's op make such results (as
/// TensorFlow.NET's built-in gradient does), and still computes empty inputs with a non-empty result.
/// </summary>
public sealed class EmptyResultTests : RegistryFixture
{
    [TestCase("NHWC", new long[] { 2, 0 })]
    [TestCase("NHWC", new long[] { 2, 3, 0 })]
    [TestCase("NCHW", new long[] { 2, 0, 3 })]
    [TestCase("NCHW", new long[] { 0, 0 })]
    public void ZeroChannels_GiveAnEmptyBiasGradient_MadeByTensorFlowsOp(string dataFormat, long[] dims)
    {
        TfOpsGradients.Install();
        var grad = new EagerTensor(new Shape(dims), TF_DataType.TF_FLOAT);
        using var executed = Runtime.CaptureExecutedOps();

        var result = Tensors.Backward("BiasAdd", Tensors.BiasAddOp(grad, dataFormat), grad);

        Assert.Multiple(() =>
        {
            Assert.That(result[1].shape.dims, Is.EqualTo(new[] { 0L }));
            Assert.That(result[1].dtype, Is.EqualTo(TF_DataType.TF_FLOAT));
            Assert.That(result[1].BufferToArray(), Is.Empty);
            Assert.That(executed.Types, Is.EqualTo(new[] { "BiasAddGrad" }));
            Assert.That(executed.Attr(0, "data_format"), Is.EqualTo(dataFormat));
        });
    }

    [TestCase(TfDataType.Double)]
    [TestCase(TfDataType.UInt8)]
    [TestCase(TfDataType.Complex128)]
    public void AnEmptyInputWithChannels_GivesZeros_FromTheManagedKernel(TfDataType dtype)
    {
        TfOpsGradients.Install();
        var grad = new EagerTensor(new Shape(0, 5), Tensors.ToTf(dtype));
        using var executed = Runtime.CaptureExecutedOps();

        var result = Tensors.Backward("BiasAdd", Tensors.BiasAddOp(grad, "NHWC"), grad);

        Assert.Multiple(() =>
        {
            Assert.That(result[1].shape.dims, Is.EqualTo(new[] { 5L }));
            Assert.That(result[1].BufferToArray(), Is.EqualTo(new byte[5 * TfDataTypes.ElementSize(dtype)]));
            Assert.That(executed.Types, Is.Empty);
        });
    }

    [TestCase("NHWC", new long[] { 2, 0, 3 }, 3L)]
    [TestCase("NCHW", new long[] { 2, 3, 0 }, 3L)]
    [TestCase("NCHW", new long[] { 2, 0, 3 }, 0L)]
    public void SecondOrder_AnEmptyOutBackprop_GivesAnEmptyBroadcast_MadeByTensorFlowsOps(string dataFormat, long[] dims, long channels)
    {
        TfOpsGradients.Install();
        var outBackprop = new EagerTensor(new Shape(dims), TF_DataType.TF_DOUBLE);
        var grad = Tensors.Eager(TfDataType.Double, [channels], seed: 3);
        using var executed = Runtime.CaptureExecutedOps();

        var result = Tensors.Backward("BiasAddGrad", Tensors.BiasAddGradOp(outBackprop, dataFormat), grad);

        Assert.Multiple(() =>
        {
            Assert.That(result[0].shape.dims, Is.EqualTo(dims));
            Assert.That(result[0].BufferToArray(), Is.Empty);
            Assert.That(executed.Types, Is.EqualTo(new[] { "Reshape", "Tile" }));
        });
    }
}
