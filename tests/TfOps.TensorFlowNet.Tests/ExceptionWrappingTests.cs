using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// TensorFlow.NET's built-in gradients are called through reflection, so their exceptions arrive
/// wrapped in TargetInvocationException; functions registered with ops.RegisterGradientFunction are
/// called directly. TfOps's gradients are registered functions and throw TensorFlow.NET's op errors
/// unwrapped, wherever the backward pass runs (docs/tensorflow-net.md, "Errors").
/// </summary>
public sealed class ExceptionWrappingTests : RegistryFixture
{
    [Test]
    public void OursThrowTheOpError_Unwrapped_WhenCalledFromTheRegistry()
    {
        TfOpsGradients.Install();
        var grad = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);

        Assert.Throws<InvalidArgumentError>(() => Tensors.Backward("BiasAdd", Tensors.BiasAddOp(grad, "NCDHW"), grad));
    }

    [Test]
    public void OursThrowTheOpError_Unwrapped_ThroughATapesBackwardPass()
    {
        TfOpsGradients.Install();
        var x = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        var b = Tensors.Eager(TfDataType.Float, [3], seed: 2);
        var wrongLength = Tensors.Eager(TfDataType.Float, [4], seed: 3);
        using var outer = tf.GradientTape();
        outer.watch(x);
        var inner = tf.GradientTape();
        inner.watch(b);
        var db = inner.gradient(gen_nn_ops.bias_add(x, b), b, output_gradients: [x]);

        // The outer backward pass calls our BiasAddGrad gradient (EagerRunner.GetGradientFunction) with a [4] gradient for C = 3.
        var error = Assert.Throws<InvalidArgumentError>(() => outer.gradient(db, x, output_gradients: [wrongLength]));
        Assert.That(error!.Message, Is.EqualTo("Input to reshape is a tensor with 4 values, but the requested shape has 3"));
    }

    [Test]
    public void ARank1GradientInTensorFlowKernelMode_IsAnInvalidArgumentError_AndTheProcessStaysEager()
    {
        // Without TfOps's own check, TensorFlow.NET's wrapper would swallow the kernel's InvalidArgumentError
        // and switch the thread to graph mode (see StandInBehaviourTests).
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = TfOpsGradientMode.TensorFlowKernel });
        var grad = new Tensorflow.Eager.EagerTensor(new float[] { 1, 2, 3 }, new Shape(3));
        var op = Tensors.Operation("BiasAdd", [grad, grad], [grad], ["data_format", "NHWC", "T", grad.dtype]);
        using var executed = Runtime.CaptureExecutedOps();

        var error = Assert.Throws<InvalidArgumentError>(() => Tensors.Backward("BiasAdd", op, grad));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [3]"));
            Assert.That(tf.executing_eagerly(), Is.True);
            Assert.That(executed.Types, Is.Empty);
        });
    }
}
