using Tensorflow;
using Tensorflow.Eager;
using Tensorflow.Exceptions;
using TfOps.TensorFlowNet.Tests.FakeRuntime;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>The gradient of BiasAddGrad itself: the [C] gradient broadcast back to out_backprop's shape.</summary>
public sealed class SecondOrderTests : RegistryFixture
{
    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in TestData.AllDtypes
        from format in new[] { "NHWC", "NCHW" }
        select new TestCaseData(dtype, format).SetArgDisplayNames(TfDataTypes.PythonName(dtype), format);

    [TestCaseSource(nameof(Cases))]
    public void Eager_BroadcastsValuesToOutBackpropsShape(TfDataType dtype, string dataFormat)
    {
        TfOpsGradients.Install();
        var format = DataFormats.Parse(dataFormat);
        long[] dims = [2, 3, 4, 5];
        var outBackprop = Tensors.Eager(dtype, dims, seed: 2);
        var grad = Tensors.Eager(dtype, [Naive.Channels(dims, format)], seed: 3);
        using var executed = Runtime.CaptureExecutedOps();

        var result = Tensors.Backward("BiasAddGrad", Tensors.BiasAddGradOp(outBackprop, dataFormat), grad);

        Assert.Multiple(() =>
        {
            Assert.That(result, Has.Length.EqualTo(1));
            Assert.That(result[0], Is.InstanceOf<EagerTensor>());
            Assert.That(result[0].shape.dims, Is.EqualTo(dims));
            Assert.That(result[0].dtype, Is.EqualTo(Tensors.ToTf(dtype)));
            Assert.That(result[0].BufferToArray(), Is.EqualTo(Naive.Broadcast(dtype, grad.BufferToArray(), dims, format)));
            Assert.That(executed.Types, Is.Empty);
        });
    }

    [TestCase("NHWC")]
    [TestCase("NCHW")]
    public void TensorFlowKernelMode_ReshapesAndTiles_ToTheSameValues(string dataFormat)
    {
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = TfOpsGradientMode.TensorFlowKernel });
        var format = DataFormats.Parse(dataFormat);
        long[] dims = [2, 3, 2, 4];
        var outBackprop = Tensors.Eager(TfDataType.Int16, dims, seed: 4);
        var grad = Tensors.Eager(TfDataType.Int16, [Naive.Channels(dims, format)], seed: 5);
        using var executed = Runtime.CaptureExecutedOps();

        var result = BiasGradients.Functions["BiasAddGrad"](Tensors.BiasAddGradOp(outBackprop, dataFormat), [grad]);

        Assert.Multiple(() =>
        {
            // tf.constant makes eager tensors from values: no op runs for the shape and the multiples.
            Assert.That(executed.Types, Is.EqualTo(new[] { "Reshape", "Tile" }));
            Assert.That(result[0].shape.dims, Is.EqualTo(dims));
            Assert.That(result[0].BufferToArray(), Is.EqualTo(Naive.Broadcast(TfDataType.Int16, grad.BufferToArray(), dims, format)));
        });
    }

    [TestCase("NHWC", new long[] { 1, 1, 1, 5 }, new[] { 2, 3, 4, 1 })]
    [TestCase("NCHW", new long[] { 1, 3, 1, 1 }, new[] { 2, 1, 4, 5 })]
    public void Graph_EmitsReshapeThenTile(string dataFormat, long[] reshapeTo, int[] multiples)
    {
        TfOpsGradients.Install();
        using var graph = FakeGraph.Enter();
        var u = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(2, 3, 4, 5));
        var z = gen_nn_ops.bias_add_grad(u, dataFormat);

        var grads = tf.gradients(z, [u]);

        var tile = grads[0].op;
        var reshape = tile.inputs[0].op;
        Assert.Multiple(() =>
        {
            Assert.That(tile.type, Is.EqualTo("Tile"));
            Assert.That(tile.inputs[1].op.get_attr("value"), Is.EqualTo(multiples));
            Assert.That(reshape.type, Is.EqualTo("Reshape"));
            Assert.That(reshape.inputs[1].op.get_attr("value"), Is.EqualTo(reshapeTo));
            Assert.That(grads[0].shape.dims, Is.EqualTo(new long[] { 2, 3, 4, 5 }));
        });
    }

    [Test]
    public void Graph_WithAnUnknownBatchDim_SaysWhatItNeeds()
    {
        TfOpsGradients.Install();
        using var graph = FakeGraph.Enter();
        var u = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(-1, 3));
        var z = gen_nn_ops.bias_add_grad(u);

        var error = Assert.Throws<NotOkStatusException>(() => tf.gradients(z, [u]));
        Assert.That(error!.Message, Does.Contain("non-channel dims").And.Contain("[-1,3]"));
    }

    [Test]
    public void Graph_WithAKnownRankBelow2_IsTheValidateStepsError()
    {
        TfOpsGradients.Install();
        using var graph = FakeGraph.Enter();
        var u = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(5));
        var z = graph.AddOperation("BiasAddGrad", [u], TF_DataType.TF_FLOAT, new Shape(5), ("data_format", "NHWC"));

        var error = Assert.Throws<InvalidArgumentError>(() => tf.gradients(z, [u]));
        Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }

    [Test]
    public void GradientTape_ThroughBiasAddGrad_GivesOnesOfTheInputsShape()
    {
        TfOpsGradients.Install();
        var u = tf.constant(new double[,,] { { { 1, 2 }, { 3, 4 }, { 5, 6 } } });
        using var tape = tf.GradientTape();
        tape.watch(u);
        var z = gen_nn_ops.bias_add_grad(u, "NCHW");

        var du = tape.gradient(z, u);

        Assert.Multiple(() =>
        {
            Assert.That(du.shape.dims, Is.EqualTo(new long[] { 1, 3, 2 }));
            Assert.That(du.ToArray<double>(), Is.EqualTo(Enumerable.Repeat(1d, 6)));
        });
    }
}
