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
    public void CheckAttrs_ParsesBothFormats(string text, DataFormat expected) =>
        Assert.That(AttrParsing.CheckAttrs(1, text), Is.EqualTo((TfDataType.Float, expected)));

    [TestCase("nhwc")]
    [TestCase("NCDHW")]
    [TestCase("")]
    public void CheckAttrs_RejectsOtherFormatsExactly_AsTensorFlowDoes(string text)
    {
        var error = Assert.Throws<TfOpsException>(() => AttrParsing.CheckAttrs(1, text));
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
    public void CheckAttrs_RejectsDtypesOutsideTheOpsList_BeforeLookingAtTheFormat(int tfDataType, string cppName)
    {
        var error = Assert.Throws<TfOpsException>(() => AttrParsing.CheckAttrs(tfDataType, "bogus"));
        Assert.That(error!.Message, Does.StartWith($"Value for attr 'T' of {cppName} is not in the list of allowed values: float, double,"));
    }

    [Test]
    public void CheckAttrs_AcceptsAllNineteenDtypesAndTheirReferences()
    {
        foreach (var dtype in TfDataTypes.BiasAddGradTypes)
        {
            Assert.That(AttrParsing.CheckAttrs((int)dtype + 100, "NHWC").Dtype, Is.EqualTo(dtype));
        }
    }
}
