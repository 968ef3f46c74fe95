using Tensorflow;
using Tensorflow.StandIn;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>BiasAddV1: no data_format, always channel-last; TensorFlow.NET has no gradient for it.</summary>
public sealed class BiasAddV1Tests : RegistryFixture
{
    [Test]
    public void WithoutInstall_TensorFlowNetHasNoGradient()
    {
        var grad = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        Assert.Throws<TensorflowException>(() => ops.get_gradient_function(Tensors.BiasAddOp(grad, "NHWC", "BiasAddV1")));
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
        using var executed = ExecutedOps.Capture();

        var result = ops.get_gradient_function(op)(op, [grad]);

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
