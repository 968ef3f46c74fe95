using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>The eager snippets of docs/tensorflow-net.md, run against the stand-in.</summary>
public sealed class DocSnippetTests : RegistryFixture
{
    [Test]
    public void TheReadmeSnippetRuns()
    {
        // --- begin snippet (keep in step with docs/tensorflow-net.md) ---
        TfOpsGradients.Install();   // once, at start-up

        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = tf.constant(new float[] { 0.5f, -1f, 2f });
        using var tape = tf.GradientTape();
        tape.watch(b);
        var y = gen_nn_ops.bias_add(x, b, data_format: "NHWC");
        var db = tape.gradient(y, b);   // BiasAdd's backward pass, computed by the TfOps kernel
        // --- end snippet ---

        Assert.That(db.ToArray<float>(), Is.EqualTo(new[] { 2f, 2f, 2f }));
    }

    [Test]
    public void TheNestedTapeSnippetRuns()
    {
        // --- begin snippet (keep in step with docs/tensorflow-net.md, "Higher-order gradients") ---
        TfOpsGradients.Install();

        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = tf.constant(new float[] { 0.5f, -1f, 2f });
        using var outer = tf.GradientTape();
        outer.watch(x);
        var inner = tf.GradientTape();   // TensorFlow.NET returns the same tape-set object; gradient() uses the innermost tape
        inner.watch(b);
        var y = gen_nn_ops.bias_add(x, b, data_format: "NHWC");
        var db = inner.gradient(y, b, output_gradients: new List<Tensor> { x });   // BiasAddGrad(x) = 5, 7, 9 (TfOps kernel)
        var dx = outer.gradient(db, x);   // through TfOps's BiasAddGrad gradient
        // --- end snippet ---

        Assert.Multiple(() =>
        {
            Assert.That(db.ToArray<float>(), Is.EqualTo(new[] { 5f, 7f, 9f }));
            Assert.That(dx?.ToArray<float>(), Is.EqualTo(Enumerable.Repeat(1f, 6)));
        });
    }
}
