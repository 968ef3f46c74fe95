namespace TfOps.Tests;

/// <summary>
/// The public validate step every adapter uses: sizes worked out by hand from TensorFlow's views
/// ([prod(leading), C] for NHWC, [N, C, prod(axes 2..)] for NCHW), TensorFlow's texts and order, no allocation.
/// </summary>
public class ValidateTests
{
    [TestCase(TfDataType.Float, DataFormat.NHWC, new long[] { 2, 3, 4, 5 }, 24L, 5L, 1L, 120L, 4)]
    [TestCase(TfDataType.Float, DataFormat.NCHW, new long[] { 2, 3, 4, 5 }, 2L, 3L, 20L, 120L, 4)]
    [TestCase(TfDataType.Complex128, DataFormat.NCHW, new long[] { 7, 3 }, 7L, 3L, 1L, 21L, 16)]
    [TestCase(TfDataType.QInt16, DataFormat.NCHW, new long[] { 1, 2, 3, 4, 5, 6 }, 1L, 2L, 360L, 720L, 2)]
    [TestCase(TfDataType.BFloat16, DataFormat.NHWC, new long[] { 1, 9 }, 1L, 9L, 1L, 9L, 2)]
    public void SizesFromTheShape(TfDataType dtype, DataFormat format, long[] shape, long outer, long channels, long inner, long elements, int size)
    {
        var validated = BiasAddGrad.Validate(dtype, shape, format);
        Assert.Multiple(() =>
        {
            Assert.That(validated.DataType, Is.EqualTo(dtype));
            Assert.That(validated.Format, Is.EqualTo(format));
            Assert.That(validated.Rank, Is.EqualTo(shape.Length));
            Assert.That(validated.ChannelAxis, Is.EqualTo(format == DataFormat.NHWC ? shape.Length - 1 : 1));
            Assert.That((validated.Outer, validated.Channels, validated.Inner), Is.EqualTo((outer, channels, inner)));
            Assert.That(validated.ElementCount, Is.EqualTo(elements));
            Assert.That(validated.ElementSize, Is.EqualTo(size));
            Assert.That(validated.InputByteCount, Is.EqualTo(elements * size));
            Assert.That(validated.OutputByteCount, Is.EqualTo(channels * size));
        });
    }

    [TestCase(DataFormat.NHWC, new long[] { 0, 4, 3 }, 3L)]
    [TestCase(DataFormat.NCHW, new long[] { 4, 3, 0 }, 3L)]
    [TestCase(DataFormat.NCHW, new long[] { 4, 0, 3 }, 0L)]
    [TestCase(DataFormat.NHWC, new long[] { 1L << 40, 0, 5 }, 5L)]
    public void EmptyInputsStillHaveChannels(DataFormat format, long[] shape, long channels)
    {
        var validated = BiasAddGrad.Validate(TfDataType.Double, shape, format);
        Assert.That((validated.Channels, validated.ElementCount, validated.Outer, validated.Inner), Is.EqualTo((channels, 0L, 0L, 0L)));
        Assert.That(validated.OutputByteCount, Is.EqualTo(channels * 8));
    }

    [Test]
    public void TheAttrStringIsMatchedExactlyAfterTheDtype()
    {
        Assert.That(BiasAddGrad.Validate(TfDataType.Int8, [2, 3], "NCHW").Format, Is.EqualTo(DataFormat.NCHW));
        var format = Assert.Throws<TfOpsException>(() => BiasAddGrad.Validate(TfDataType.Int8, [2, 3], "NCDHW"))!;
        Assert.That(format.Message, Is.EqualTo("Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
        Assert.That(Assert.Throws<TfOpsException>(() => BiasAddGrad.Validate(TfDataType.Int8, [2, 3], "nchw"))!.Message, Does.Contain("\"nchw\""));
        var dtype = Assert.Throws<TfOpsException>(() => BiasAddGrad.Validate(TfDataType.Bool, [5], "NCDHW"))!;
        Assert.That(dtype.Message, Does.StartWith("Value for attr 'T' of bool is not in the list of allowed values"));
        var rank = Assert.Throws<TfOpsException>(() => BiasAddGrad.Validate(TfDataType.Float, [5], "NHWC"))!;
        Assert.That(rank.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }

    [Test]
    public void AttrsAloneForGraphModeCallers()
    {
        Assert.That(BiasAddGrad.ValidateAttrs(TfDataType.Half, "NHWC"), Is.EqualTo(DataFormat.NHWC));
        Assert.That(Assert.Throws<TfOpsException>(() => BiasAddGrad.ValidateAttrs(TfDataType.String, "nope"))!.Message, Does.Contain("attr 'T' of string"));
        Assert.That(Assert.Throws<TfOpsException>(() => BiasAddGrad.ValidateAttrs(TfDataType.Half, null))!.Code, Is.EqualTo(TfCode.InvalidArgument));
    }

    [TestCase(2, DataFormat.NHWC, 1)]
    [TestCase(5, DataFormat.NHWC, 4)]
    [TestCase(2, DataFormat.NCHW, 1)]
    [TestCase(6, DataFormat.NCHW, 1)]
    public void ChannelAxisFromTheRankAlone(int rank, DataFormat format, int axis) =>
        Assert.That(BiasAddGrad.ChannelAxis(rank, format), Is.EqualTo(axis));

    [Test]
    public void ChannelAxisRejectsWhatHasNoChannelAxis()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasAddGrad.ChannelAxis(1, DataFormat.NHWC));
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasAddGrad.ChannelAxis(4, (DataFormat)3));
    }

    [Test]
    public void ComplexInputsAboveTwoToTheThirtyElementsAreRejectedBeforeAnyBufferIsRead()
    {
        // 2^30 elements: below TensorFlow's int32-max rule, above TfOps's complex limit (two int lanes per element).
        long[] shape = [1L << 15, 1L << 15];
        Assert.That(BiasAddGrad.Validate(TfDataType.Float, shape, DataFormat.NHWC).ElementCount, Is.EqualTo(1L << 30));
        var error = Assert.Throws<TfOpsException>(() => BiasAddGrad.Validate(TfDataType.Complex64, shape, DataFormat.NHWC))!;
        Assert.That(error.Message, Is.EqualTo("complex tensors above 1073741823 elements are not supported (got 1073741824)"));
        Assert.That(BiasAddGrad.Validate(TfDataType.Complex128, [(1L << 30) - 1, 1], DataFormat.NHWC).ElementCount, Is.EqualTo((1L << 30) - 1));
        Assert.Throws<TfOpsException>(() => BiasAddGrad.Compute<System.Numerics.Complex>([], shape, DataFormat.NCHW, []));
    }

    [Test]
    public void ValidatingAllocatesNothing()
    {
        long[] shape = [8, 16, 7, 7];
        BiasAddGrad.Validate(TfDataType.Half, shape, DataFormat.NCHW);
        BiasAddGrad.Validate(TfDataType.Half, shape, "NHWC");
        long before = GC.GetAllocatedBytesForCurrentThread();
        long channels = 0;
        for (int i = 0; i < 100; i++)
        {
            channels += BiasAddGrad.Validate(TfDataType.Half, shape, DataFormat.NCHW).Channels;
            channels += BiasAddGrad.Validate(TfDataType.Half, shape, "NHWC").Channels;
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(channels, Is.EqualTo(100 * (16 + 7)));
    }
}
