using Tensorflow;
using Tensorflow.Eager;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Eager first-order gradients: values, dtype, shape, and that no TensorFlow op ran.</summary>
public sealed class EagerGradientTests : RegistryFixture
{
    private static readonly long[][] Shapes = [[4, 6], [2, 3, 4, 5], [2, 3, 2, 2, 3], [3, 1, 7], [0, 3], [2, 3, 0], [2, 0, 3]];

    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in TestData.AllDtypes
        from format in new[] { "NHWC", "NCHW" }
        select new TestCaseData(dtype, format).SetArgDisplayNames(TfDataTypes.PythonName(dtype), format);

    [TestCaseSource(nameof(Cases))]
    public void BiasAddGradient_EqualsANaiveReduction(TfDataType dtype, string dataFormat)
    {
        TfOpsGradients.Install();
        var format = DataFormats.Parse(dataFormat);
        foreach (var dims in Shapes)
        {
            var grad = Tensors.Eager(dtype, dims, seed: dims.Length * 31 + (int)dtype);
            long channels = Naive.Channels(dims, format);
            using var executed = Runtime.CaptureExecutedOps();

            var op = Tensors.BiasAddOp(grad, dataFormat);
            var result = Tensors.Backward("BiasAdd", op, grad);

            Assert.Multiple(() =>
            {
                string at = $"shape [{string.Join(",", dims)}]";
                Assert.That(result[0], Is.SameAs(grad), at + ": the value's gradient is the upstream gradient");
                Assert.That(result[1], Is.InstanceOf<EagerTensor>(), at);
                Assert.That(result[1].dtype, Is.EqualTo(Tensors.ToTf(dtype)), at);
                Assert.That(result[1].shape.dims, Is.EqualTo(new[] { channels }), at);
                Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(dtype, grad.BufferToArray(), dims, format)), at + ": naive");
                // A zero-channel result cannot be made from bytes in TensorFlow.NET, so TensorFlow's op makes it.
                Assert.That(executed.Types, channels == 0 ? Is.EqualTo(new[] { "BiasAddGrad" }) : Is.Empty, at + ": which path ran");
            });
        }
    }

    [Test]
    public void ReferenceDtypes_MapToTheirBaseType()
    {
        TfOpsGradients.Install();
        long[] dims = [2, 3, 4];
        var values = TestData.Values(TfDataType.Float, 24, seed: 7);
        var grad = new EagerTensor(values, new Shape(dims), TF_DataType.DtFloatRef);

        var result = BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NCHW"), [grad]);

        Assert.Multiple(() =>
        {
            Assert.That(result[1].dtype, Is.EqualTo(TF_DataType.TF_FLOAT));
            Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(TfDataType.Float, values, dims, DataFormat.NCHW)));
        });
    }

    [Test]
    public void AMissingDataFormatAttr_MeansTheOpsDefault_NHWC()
    {
        TfOpsGradients.Install();
        var grad = Tensors.Eager(TfDataType.Int32, [3, 4], seed: 3);
        var op = Tensors.Operation("BiasAdd", [grad, grad], [grad], ["T", grad.dtype]);

        var result = BiasGradients.Functions["BiasAdd"](op, [grad]);

        Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(TfDataType.Int32, grad.BufferToArray(), [3, 4], DataFormat.NHWC)));
    }

    [Test]
    public void GradientTape_UsesTheInstalledFunction_EvenForOpsRecordedBeforeInstall()
    {
        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = tf.constant(new float[] { 0.5f, -1f, 2f });
        using var tape = tf.GradientTape();
        tape.watch(b);
        var y = gen_nn_ops.bias_add(x, b, data_format: "NHWC");

        TfOpsGradients.Install();
        using var executed = Runtime.CaptureExecutedOps();
        var db = tape.gradient(y, b);

        Assert.Multiple(() =>
        {
            Assert.That(db.ToArray<float>(), Is.EqualTo(new[] { 2f, 2f, 2f }));
            Assert.That(executed.Types, Is.Empty, "TensorFlow.NET's built-in gradient would have run a BiasAddGrad op");
        });
    }

    [Test]
    public void WithoutInstall_TheTapeRunsTensorFlowNetsBuiltIn_WhichRunsTensorFlowsOp()
    {
        ops.RegisterFromAssembly();   // what creating `tf` does in a fresh process (tensorflow.cs)
        var x = tf.constant(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = tf.constant(new float[] { 0.5f, -1f, 2f });
        using var tape = tf.GradientTape();
        tape.watch(b);
        var y = gen_nn_ops.bias_add(x, b, data_format: "NHWC");
        using var executed = Runtime.CaptureExecutedOps();

        var db = tape.gradient(y, b);

        Assert.Multiple(() =>
        {
            Assert.That(db.ToArray<float>(), Is.EqualTo(new[] { 2f, 2f, 2f }));
            Assert.That(executed.Types, Is.EqualTo(new[] { "BiasAddGrad" }));
        });
    }

    [Test]
    public void TensorFlowKernelMode_RunsTensorFlowsOp_WithTheOpsDataFormat()
    {
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = TfOpsGradientMode.TensorFlowKernel });
        var grad = Tensors.Eager(TfDataType.Double, [2, 3, 4], seed: 5);
        using var executed = Runtime.CaptureExecutedOps();

        var result = BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NCHW"), [grad]);

        Assert.Multiple(() =>
        {
            Assert.That(executed.Types, Is.EqualTo(new[] { "BiasAddGrad" }));
            Assert.That(executed.Attr(0, "data_format"), Is.EqualTo("NCHW"));
            Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(TfDataType.Double, grad.BufferToArray(), [2, 3, 4], DataFormat.NCHW)));
        });
    }

    [TestCase(true, new[] { "BiasAddGrad" })]
    [TestCase(false, new string[0])]
    public void FollowNativePlugin_UsesTensorFlowsOpOnlyWhileThePluginIsActive(bool active, string[] expectedOps)
    {
        int asked = 0;
        TfOpsGradients.Install(new TfOpsGradientOptions
        {
            Mode = TfOpsGradientMode.FollowNativePlugin,
            IsNativePluginActive = () => { Interlocked.Increment(ref asked); return active; },
        });
        var grad = Tensors.Eager(TfDataType.Float, [4, 2], seed: 9);
        using var executed = Runtime.CaptureExecutedOps();

        var result = BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NHWC"), [grad]);

        Assert.Multiple(() =>
        {
            Assert.That(asked, Is.EqualTo(1));
            Assert.That(executed.Types, Is.EqualTo(expectedOps));
            Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(TfDataType.Float, grad.BufferToArray(), [4, 2], DataFormat.NHWC)));
        });
    }
}
