using System.Text;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class AttrParsingTests
{
    private sealed class Boxed(string text)
    {
        public override string ToString() => text;
    }

    [Test]
    public void DataFormatText_AcceptsWhatTensorFlowNetHandsOver()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AttrParsing.DataFormatText("NCHW"), Is.EqualTo("NCHW"));
            Assert.That(AttrParsing.DataFormatText(Encoding.UTF8.GetBytes("NCHW")), Is.EqualTo("NCHW"));
            Assert.That(AttrParsing.DataFormatText(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes("NCHW"))), Is.EqualTo("NCHW"));
            Assert.That(AttrParsing.DataFormatText(new Boxed("NCHW")), Is.EqualTo("NCHW"));
            Assert.That(AttrParsing.DataFormatText(null), Is.EqualTo("NHWC"), "absent means the op's default");
        });
    }

    [TestCase("NHWC", DataFormat.NHWC)]
    [TestCase("NCHW", DataFormat.NCHW)]
    public void Attrs_ParsesBothFormats(string text, DataFormat expected) =>
        Assert.That(GradientChecks.Attrs(1, text), Is.EqualTo(expected));

    [TestCase("nhwc")]
    [TestCase("NCDHW")]
    [TestCase("")]
    public void Attrs_RejectOtherFormatsExactly_AsTensorFlowDoes(string text)
    {
        var error = Assert.Throws<TfOpsException>(() => GradientChecks.Attrs(1, text));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.InvalidArgument));
            Assert.That(error.Message, Is.EqualTo($"Value for attr 'data_format' of \"{text}\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
        });
    }

    [TestCase(7, "string")]
    [TestCase(10, "bool")]
    [TestCase(110, "bool")]
    [TestCase(20, "resource")]
    public void Attrs_RejectDtypesOutsideTheOpsList_BeforeLookingAtTheFormat(int tfDataType, string cppName)
    {
        var error = Assert.Throws<TfOpsException>(() => GradientChecks.Attrs(tfDataType, "bogus"));
        Assert.That(error!.Message, Does.StartWith($"Value for attr 'T' of {cppName} is not in the list of allowed values: float, double,"));
    }

    [Test]
    public void Attrs_AcceptAllNineteenDtypesAndTheirReferences()
    {
        foreach (var dtype in TfDataTypes.BiasAddGradTypes)
        {
            Assert.DoesNotThrow(() => GradientChecks.Attrs((int)dtype + 100, "NHWC"), dtype.ToString());
        }
    }

    [Test]
    public void Shape_ChecksInTensorFlowsOrder_DtypeFormatRankDims()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<TfOpsException>(() => GradientChecks.Shape(10, "NCDHW", [5]))!.Message, Does.StartWith("Value for attr 'T' of bool"));
            Assert.That(Assert.Throws<TfOpsException>(() => GradientChecks.Shape(1, "NCDHW", [5]))!.Message, Does.StartWith("Value for attr 'data_format'"));
            Assert.That(Assert.Throws<TfOpsException>(() => GradientChecks.Shape(1, "NHWC", [5]))!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
            Assert.That(Assert.Throws<TfOpsException>(() => GradientChecks.Shape(1, "NHWC", [2, -3]))!.Message, Is.EqualTo("Dimension -3 must be >= 0 in shape [2,-3]"));
        });
    }

    [TestCase("NHWC", 5L)]
    [TestCase("NCHW", 3L)]
    public void Shape_SizesInputAndOutput_ReferenceDtypesAsTheirBase(string format, long channels)
    {
        var shape = GradientChecks.Shape(101, format, [2, 3, 4, 5]);

        Assert.Multiple(() =>
        {
            Assert.That(shape.DataType, Is.EqualTo(TfDataType.Float));
            Assert.That(shape.Channels, Is.EqualTo(channels));
            Assert.That(shape.InputByteCount, Is.EqualTo(120 * 4));
            Assert.That(shape.OutputByteCount, Is.EqualTo(channels * 4));
        });
    }
}
