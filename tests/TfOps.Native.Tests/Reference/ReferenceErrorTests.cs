using System.Text;
using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>TensorFlow's failures arrive as TfOpsExceptions with TensorFlow's code and core message, in TensorFlow's order.</summary>
internal sealed class ReferenceErrorTests : ReferenceTestBase
{
    // The op's type list in TensorFlow's attr error (tf-biasaddgrad.md).
    private const string AllowedTypes =
        "float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64";

    [TestCase(new long[] { 5 }, "[5]")]
    [TestCase(new long[0], "[]")]
    public void A_rank_below_two_is_TensorFlows_InvalidArgument(long[] shape, string printed)
    {
        using TensorFlowReference reference = Open();
        long count = shape.Aggregate(1L, (n, d) => n * d);

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, shape, "NHWC", new byte[count * 4]));

        Assert.That((error!.Code, error.Message), Is.EqualTo((TfCode.InvalidArgument, $"Input tensor must be at least 2D: {printed}")));
    }

    [Test]
    public void A_dtype_outside_the_list_fails_first_with_the_NodeDef_suffix_stripped()
    {
        using TensorFlowReference reference = Open();

        // bool, a bad data_format and rank 1 at once: the dtype is checked first.
        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Bool, [5], "NCDHW", new byte[5]));

        Assert.That((error!.Code, error.Message), Is.EqualTo((TfCode.InvalidArgument, $"Value for attr 'T' of bool is not in the list of allowed values: {AllowedTypes}")));
    }

    [Test]
    public void A_bad_data_format_fails_before_the_rank_check()
    {
        using TensorFlowReference reference = Open();

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, [5], "NCDHW", new byte[20]));

        Assert.That((error!.Code, error.Message), Is.EqualTo((TfCode.InvalidArgument,
            "Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\"")));
    }

    [Test]
    public void The_data_format_is_passed_as_its_UTF8_bytes_and_their_count()
    {
        // TFE_OpSetAttrString takes a byte count: a character count would cut the last character,
        // and a count including a NUL would add one. TensorFlow echoes the bytes C-escaped (octal).
        const string format = "NCH\u1E84";
        string escaped = string.Concat(Encoding.UTF8.GetBytes(format).Select(b => b < 0x80 ? ((char)b).ToString() : "\\" + Convert.ToString(b, 8)));
        using TensorFlowReference reference = Open();

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, [2, 2], format, new byte[16]));

        Assert.That(error!.Message, Is.EqualTo($"Value for attr 'data_format' of \"{escaped}\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
    }

    [TestCase(TfDataType.QInt8)]
    [TestCase(TfDataType.QUInt8)]
    [TestCase(TfDataType.QInt16)]
    [TestCase(TfDataType.QUInt16)]
    [TestCase(TfDataType.QInt32)]
    public void Quantized_dtypes_have_no_TensorFlow_kernel(TfDataType dtype)
    {
        using TensorFlowReference reference = Open();

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(dtype, [3, 2], "NHWC", new byte[6 * TfDataTypes.ElementSize(dtype)]));

        Assert.That((error!.Code, error.Message), Is.EqualTo((TfCode.NotFound,
            "No registered 'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}")));
    }

    [Test]
    public void Buffers_that_do_not_hold_the_shape_are_rejected_before_TensorFlow_sees_them()
    {
        using TensorFlowReference reference = Open();

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => reference.BiasAddGrad(TfDataType.Float, [2, 3], "NHWC", new byte[23]));
            Assert.Throws<ArgumentOutOfRangeException>(() => reference.BiasAddGrad(TfDataType.Float, [2, -3], "NHWC", []));
            Assert.Throws<ArgumentOutOfRangeException>(() => reference.BiasAddGrad(TfDataType.String, [1, 1], "NHWC", new byte[8]));
            Assert.Throws<ArgumentException>(() => reference.BiasAddGradWithKernelLabel("", TfDataType.Float, [1, 1], "NHWC", new byte[4]));
        });
        Assert.That(NativeFakeLibrary.Count(Fake, "ops"), Is.Zero);
    }
}
