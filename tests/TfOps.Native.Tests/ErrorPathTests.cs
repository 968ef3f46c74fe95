using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

/// <summary>
/// Every failure inside the callbacks comes back as a status with TensorFlow's code and text,
/// through TF_OpKernelConstruction_Failure or TF_OpKernelContext_Failure; none escapes as an
/// exception (it would end the test process).
/// </summary>
internal sealed class ErrorPathTests : PluginTestBase
{
    [TestCase(new long[] { 5 }, "Input tensor must be at least 2D: [5]")]
    [TestCase(new long[0], "Input tensor must be at least 2D: []")]
    public void Rank_below_2_is_InvalidArgument_with_TensorFlows_text(long[] shape, string message)
    {
        Register();
        byte[] input = TestTensors.Random(TfDataType.Float, shape, seed: 1);

        FakeRunResult result = Fake.Run(TfDataType.Float, shape, input, "NCHW");

        Assert.That(result.Code, Is.EqualTo(TfCode.InvalidArgument));
        Assert.That(result.Message, Is.EqualTo(message));
    }

    [TestCase("NCDHW")]
    [TestCase("nhwc")]
    [TestCase("")]
    [TestCase("NHWC ")]
    public void A_data_format_the_op_rejects_fails_construction_with_TensorFlows_attr_text(string dataFormat)
    {
        Register();

        FakeRunResult result = Fake.Run(TfDataType.Float, [2, 3], new byte[24], dataFormat);

        Assert.That(result.Code, Is.EqualTo(TfCode.InvalidArgument));
        Assert.That(result.Message, Is.EqualTo($"Value for attr 'data_format' of \"{dataFormat}\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
    }

    [Test]
    public void A_long_data_format_is_read_whole_without_a_NUL_terminator()
    {
        Register();
        string dataFormat = new('N', 300);

        FakeRunResult result = Fake.Run(TfDataType.Float, [2, 3], new byte[24], dataFormat);

        Assert.That(result.Message, Does.Contain($"\"{dataFormat}\""));
    }

    [Test]
    public void A_dtype_without_registration_is_NotFound_from_TensorFlow_itself()
    {
        Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Float] });

        FakeRunResult result = Fake.Run(TfDataType.Double, [2, 3], new byte[48]);

        Assert.That(result.Code, Is.EqualTo(TfCode.NotFound));
        Assert.That(result.Message, Does.StartWith("No registered 'BiasAddGrad' OpKernel for 'CPU' devices"));
    }

    [Test]
    public void An_input_dtype_outside_the_op_reaching_compute_is_InvalidArgument_with_TensorFlows_text()
    {
        Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Float] });
        using FakeKernel? kernel = Fake.CreateKernel(TfDataType.Float, "NHWC", out _);

        FakeRunResult result = kernel!.Compute(TfDataType.Bool, [2, 3], new byte[6]);

        Assert.That(result.Code, Is.EqualTo(TfCode.InvalidArgument));
        Assert.That(result.Message, Is.EqualTo("Value for attr 'T' of bool is not in the list of allowed values: float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64"));
    }

    [Test]
    public void An_input_that_differs_from_the_nodes_declared_type_is_Internal()
    {
        Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Float] });
        using FakeKernel? kernel = Fake.CreateKernel(TfDataType.Float, "NHWC", out _);

        FakeRunResult result = kernel!.Compute(TfDataType.Int32, [2, 3], new byte[24]);

        Assert.That(result.Code, Is.EqualTo(TfCode.Internal));
        Assert.That(result.Message, Does.Contain("int32").And.Contain("float"));
    }

    [Test]
    public void A_failing_allocation_reports_TensorFlows_status_and_releases_everything()
    {
        Register();

        FakeRunResult result = Fake.Run(TfDataType.Float, [4, 3], new byte[48], failAllocation: true);

        Assert.That(result.Code, Is.EqualTo(TfCode.ResourceExhausted));
        Assert.That(result.Message, Does.StartWith("OOM when allocating tensor with shape[3] and type float"));
        // The TearDown check proves the input wrapper and the statuses were released on this path.
    }
}
