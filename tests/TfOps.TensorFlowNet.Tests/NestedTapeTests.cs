using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// Second and third order through nested eager tapes. TensorFlow.NET records an op on the active
/// tapes only in its fast path, so a gradient computed by the managed kernel is visible to an outer
/// tape only because TfOps records it (tf.Runner.RecordGradient). Expectations come from the naive
/// reference and from the TensorFlow-op path (TensorFlowKernel mode: everything through the fake
/// TensorFlow's fast path and kernels).
/// </summary>
public sealed class NestedTapeTests : RegistryFixture
{
    private static readonly TfDataType[] Trainable =
        [TfDataType.Float, TfDataType.Double, TfDataType.Half, TfDataType.BFloat16, TfDataType.Complex64, TfDataType.Complex128];

    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in Trainable
        from op in new[] { ("BiasAdd", "NHWC"), ("BiasAdd", "NCHW"), ("BiasAddV1", "NHWC") }
        select new TestCaseData(op.Item1, op.Item2, dtype).SetArgDisplayNames(op.Item1, op.Item2, TfDataTypes.PythonName(dtype));

    /// <summary>
    /// outer tape watches x, inner tape watches b; db = d bias_add(x, b) / db with output_gradients [x]
    /// (= BiasAddGrad(x)); dx = d db / dx with output_gradients [v] (= v broadcast to x's shape).
    /// </summary>
    [TestCaseSource(nameof(Cases))]
    public void SecondOrder_OuterTapeDifferentiatesTheInnerGradient(string opType, string dataFormat, TfDataType dtype)
    {
        long[] dims = [2, 3, 4];
        var format = DataFormats.Parse(dataFormat);
        long channels = Naive.Channels(dims, format);
        var x = Tensors.Eager(dtype, dims, seed: 1);
        var b = Tensors.Eager(dtype, [channels], seed: 2);
        var v = Tensors.Eager(dtype, [channels], seed: 3);

        TfOpsGradients.Install();
        var (managedDb, managedDx, managedOps) = SecondOrder(opType, dataFormat, x, b, v);
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = TfOpsGradientMode.TensorFlowKernel });
        var (opDb, opDx, _) = SecondOrder(opType, dataFormat, x, b, v);

        var naiveDb = Naive.BiasGrad(dtype, x.BufferToArray(), dims, format);
        var naiveDx = Naive.Broadcast(dtype, v.BufferToArray(), dims, format);
        Assert.Multiple(() =>
        {
            Assert.That(managedDx, Is.Not.Null, "the outer tape sees the managed first-order result");
            Assert.That(managedDb, Is.EqualTo(naiveDb), "first order, naive");
            Assert.That(managedDx, Is.EqualTo(naiveDx), "second order, naive");
            Assert.That(managedDb, Is.EqualTo(opDb), "first order, TensorFlow-op path");
            Assert.That(managedDx, Is.EqualTo(opDx), "second order, TensorFlow-op path");
            Assert.That(managedOps, Is.Empty, "the managed path ran no TensorFlow op");
        });
    }

    /// <summary>
    /// Third order through the recorded broadcast: outer tape watches u ([C]), inner tape watches x;
    /// dx = d BiasAddGrad(x) / dx with output_gradients [u] (u broadcast, by the managed kernel);
    /// du = d dx / du with output_gradients [w] = BiasAddGrad(w), through the broadcast's recorded
    /// backward function. (The TensorFlow-op path would need Tile's and Reshape's gradients, which the
    /// stand-in does not model.)
    /// </summary>
    [TestCase("NHWC", TfDataType.Float)]
    [TestCase("NCHW", TfDataType.Float)]
    [TestCase("NCHW", TfDataType.Double)]
    [TestCase("NHWC", TfDataType.Complex64)]
    public void ThirdOrder_OuterTapeDifferentiatesTheManagedBroadcast(string dataFormat, TfDataType dtype)
    {
        TfOpsGradients.Install();
        long[] dims = [2, 3, 2, 4];
        var format = DataFormats.Parse(dataFormat);
        long channels = Naive.Channels(dims, format);
        var x = Tensors.Eager(dtype, dims, seed: 4);
        var u = Tensors.Eager(dtype, [channels], seed: 5);
        var w = Tensors.Eager(dtype, dims, seed: 6);
        using var executed = Runtime.CaptureExecutedOps();

        Tensor dx, du;
        using (var outer = tf.GradientTape())
        {
            outer.watch(u);
            var inner = tf.GradientTape();
            inner.watch(x);
            var d = gen_nn_ops.bias_add_grad(x, dataFormat);
            dx = inner.gradient(d, x, output_gradients: [u]);
            du = outer.gradient(dx, u, output_gradients: [w]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(dx.BufferToArray(), Is.EqualTo(Naive.Broadcast(dtype, u.BufferToArray(), dims, format)));
            Assert.That(du, Is.Not.Null, "the outer tape sees the managed broadcast");
            Assert.That(du?.BufferToArray(), Is.EqualTo(Naive.BiasGrad(dtype, w.BufferToArray(), dims, format)));
            Assert.That(executed.Types, Is.EqualTo(new[] { "BiasAddGrad" }), "only the test's own forward op ran in TensorFlow");
        });
    }

    [Test]
    public void WithoutTfOps_SecondOrderFails_AsInTensorFlowNet()
    {
        ops.RegisterFromAssembly();   // what creating `tf` does in a fresh process (tensorflow.cs)
        var x = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        var b = Tensors.Eager(TfDataType.Float, [3], seed: 2);
        var v = Tensors.Eager(TfDataType.Float, [3], seed: 3);

        var error = Assert.Throws<Exception>(() => SecondOrder("BiasAdd", "NHWC", x, b, v));
        Assert.That(error!.Message, Is.EqualTo("gradientFunctions not find op_name: BiasAddGrad"));
    }

    [Test]
    public void AnIntegerGradient_IsRecordedNowhere_BecauseTapesOnlyRecordTrainableDtypes()
    {
        TfOpsGradients.Install();
        var x = Tensors.Eager(TfDataType.Int32, [2, 3], seed: 1);
        var b = Tensors.Eager(TfDataType.Int32, [3], seed: 2);
        var v = Tensors.Eager(TfDataType.Int32, [3], seed: 3);

        var (db, dx, _) = SecondOrder("BiasAdd", "NHWC", x, b, v);

        Assert.Multiple(() =>
        {
            Assert.That(db, Is.Null, "the inner tape recorded no int32 BiasAdd");
            Assert.That(dx, Is.Null);
        });
    }

    private static (byte[]? Db, byte[]? Dx, IReadOnlyList<string> Ops) SecondOrder(string opType, string dataFormat, Tensor x, Tensor b, Tensor v)
    {
        using var executed = Runtime.CaptureExecutedOps();
        using var outer = tf.GradientTape();
        outer.watch(x);
        var inner = tf.GradientTape();   // TensorFlow.NET hands back the same object; gradient() pops the innermost tape
        inner.watch(b);
        var y = opType == "BiasAdd"
            ? gen_nn_ops.bias_add(x, b, data_format: dataFormat)
            : Runtime.ExecuteGenerated("BiasAddV1", null!, [x, b], new Dictionary<string, object>());
        var db = inner.gradient(y, b, output_gradients: [x]);
        var dx = db is null ? null : outer.gradient(db, x, output_gradients: [v]);
        return (db?.BufferToArray(), dx?.BufferToArray(), executed.Types.Skip(1).ToList());
    }
}
