using Tensorflow;
using TfOps.TensorFlowNet.Tests.FakeRuntime;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Graph mode: the gradient emits TensorFlow's BiasAddGrad, whatever the mode.</summary>
public sealed class GraphGradientTests : RegistryFixture
{
    [TestCase("NHWC", TfOpsGradientMode.ManagedInEager)]
    [TestCase("NCHW", TfOpsGradientMode.ManagedInEager)]
    [TestCase("NCHW", TfOpsGradientMode.TensorFlowKernel)]
    public void BiasAdd_EmitsBiasAddGrad_WithTheOpsDataFormat(string dataFormat, TfOpsGradientMode mode)
    {
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = mode });
        using var graph = FakeGraph.Enter();
        var x = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(-1, 3, 4, 5));
        var b = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(dataFormat == "NHWC" ? 5 : 3));
        var y = gen_nn_ops.bias_add(x, b, dataFormat);

        Assert.That(ops.get_gradient_function(y.op), Is.SameAs(BiasGradients.Functions["BiasAdd"]));
        var grads = tf.gradients(y, [x, b]);

        var seed = graph.Operations.Single(o => o.type == "OnesLike").outputs[0];
        Assert.Multiple(() =>
        {
            Assert.That(grads[0], Is.SameAs(seed));
            Assert.That(grads[1].op.type, Is.EqualTo("BiasAddGrad"));
            Assert.That(grads[1].op.get_attr("data_format"), Is.EqualTo(dataFormat));
            Assert.That(grads[1].op.inputs[0], Is.SameAs(seed));
            Assert.That(grads[1].dtype, Is.EqualTo(TF_DataType.TF_FLOAT));
        });
    }

    [Test]
    public void BiasAddV1_EmitsChannelLastBiasAddGrad()
    {
        TfOpsGradients.Install();
        using var graph = FakeGraph.Enter();
        var x = graph.Placeholder(TF_DataType.TF_HALF, new Shape(-1, 7, 3));
        var b = graph.Placeholder(TF_DataType.TF_HALF, new Shape(3));
        var y = graph.AddOperation("BiasAddV1", [x, b], TF_DataType.TF_HALF, x.shape);

        var grads = tf.gradients(y, [b]);

        Assert.Multiple(() =>
        {
            Assert.That(grads[0].op.type, Is.EqualTo("BiasAddGrad"));
            Assert.That(grads[0].op.get_attr("data_format"), Is.EqualTo("NHWC"));
            Assert.That(grads[0].shape.dims, Is.EqualTo(new[] { 3L }));
        });
    }

    [Test]
    public void AnInvalidDataFormat_FailsWhileBuildingTheGraph_WithTensorFlowsText()
    {
        TfOpsGradients.Install();
        using var graph = FakeGraph.Enter();
        var x = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(2, 3, 4));
        var b = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(4));
        var y = graph.AddOperation("BiasAdd", [x, b], TF_DataType.TF_FLOAT, x.shape, ("data_format", "NCDHW"));

        var error = Assert.Throws<InvalidArgumentError>(() => tf.gradients(y, [b]));
        Assert.That(error!.Message, Is.EqualTo("Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
    }
}
