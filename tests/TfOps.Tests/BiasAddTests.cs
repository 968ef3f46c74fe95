namespace TfOps.Tests;

/// <summary>The forward op and the second-order broadcast, against hand-built expectations.</summary>
public class BiasAddTests
{
    [Test]
    public void AddsAlongTheChannelAxis()
    {
        float[] value = [1, 2, 3, 4, 5, 6];
        var nhwc = new float[6];
        BiasAdd.Compute<float>(value, [3, 2], [10, 20], DataFormat.NHWC, nhwc);
        Assert.That(nhwc, Is.EqualTo(new float[] { 11, 22, 13, 24, 15, 26 }));
        var nchw = new float[6];
        BiasAdd.Compute<float>(value, [1, 2, 3], [10, 20], DataFormat.NCHW, nchw);
        Assert.That(nchw, Is.EqualTo(new float[] { 11, 12, 13, 24, 25, 26 }));
    }

    [Test]
    public void TensorFlowMessages()
    {
        var error = Assert.Throws<TfOpsException>(() => BiasAdd.Compute<float>(new float[6], [3, 2], new float[2], [1, 2], DataFormat.NHWC, new float[6]))!;
        Assert.That(error.Message, Is.EqualTo("Biases must be 1D: [1,2]"));
        error = Assert.Throws<TfOpsException>(() => BiasAdd.Compute<float>(new float[6], [3, 2], new float[3], [3], DataFormat.NHWC, new float[6]))!;
        Assert.That(error.Message, Is.EqualTo("Must provide as many biases as the last dimension of the input tensor: [3] vs. [3,2]"));
        error = Assert.Throws<TfOpsException>(() => BiasAdd.Compute<float>(new float[6], [3, 2], new float[3], DataFormat.NHWC, new float[6]))!;
        Assert.That(error.Message, Is.EqualTo("Must provide as many biases as the last dimension of the input tensor: [3] vs. [3,2]"));
        error = Assert.Throws<TfOpsException>(() => BiasAdd.Compute<float>(new float[6], [6], new float[6], [6], DataFormat.NHWC, new float[6]))!;
        Assert.That(error.Message, Is.EqualTo("Input tensor must be at least 2D: [6]"));
        Assert.That(error.Code, Is.EqualTo(TfCode.InvalidArgument));
    }

    [Test]
    public void BroadcastIsTheAdjointOfTheReduction()
    {
        float[] gradient = [1, 2, 3];
        var nchw = new float[2 * 3 * 2];
        BiasAddGrad.Broadcast<float>(gradient, [2, 3, 2], DataFormat.NCHW, nchw);
        Assert.That(nchw, Is.EqualTo(new float[] { 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3 }));
        var nhwc = new float[2 * 3];
        BiasAddGrad.Broadcast<float>(gradient, [2, 3], DataFormat.NHWC, nhwc);
        Assert.That(nhwc, Is.EqualTo(new float[] { 1, 2, 3, 1, 2, 3 }));
    }
}
