using Tensorflow;
using TfOps.TensorFlowNet.Tests.FakeRuntime;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>BiasAddV1: no data_format, always channel-last; TensorFlow.NET has no gradient for it.</summary>
public sealed class BiasAddV1Tests : RegistryFixture
{
    [Test]
    public void WithoutInstall_TensorFlowNetHasNoGradient()
    {
        using var graph = FakeGraph.Enter();
        var x = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(2, 3));
        var b = graph.Placeholder(TF_DataType.TF_FLOAT, new Shape(3));
        var y = graph.AddOperation("BiasAddV1", [x, b], TF_DataType.TF_FLOAT, x.shape);

        Assert.Throws<LookupError>(() => ops.get_gradient_function(y.op));
    }

    [TestCase(TfDataType.Float)]
    [TestCase(TfDataType.BFloat16)]
    [TestCase(TfDataType.Int64)]
    [TestCase(TfDataType.QUInt8)]
    [TestCase(TfDataType.Complex128)]
    public void Eager_SumsOverEveryAxisButTheLast(TfDataType dtype)
    {
        TfOpsGradients.Install();
        long[] dims = [2, 3, 4, 5];
        var grad = Tensors.Eager(dtype, dims, seed: 11);
        var op = Tensors.BiasAddOp(grad, "NHWC", "BiasAddV1");
        using var executed = Runtime.CaptureExecutedOps();

        var result = Tensors.Backward("BiasAddV1", op, grad);

        Assert.Multiple(() =>
        {
            Assert.That(result[0], Is.SameAs(grad));
            Assert.That(result[1].shape.dims, Is.EqualTo(new[] { 5L }));
            Assert.That(result[1].dtype, Is.EqualTo(Tensors.ToTf(dtype)));
            Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(dtype, grad.BufferToArray(), dims, DataFormat.NHWC)));
            Assert.That(executed.Types, Is.Empty);
        });
    }
}
