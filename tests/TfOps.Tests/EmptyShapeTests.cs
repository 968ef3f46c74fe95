namespace TfOps.Tests;

/// <summary>TensorFlow's own empty cases: C == 0 gives an empty output, no elements give C zeros.</summary>
public class EmptyShapeTests
{
    [TestCase(new long[] { 0, 0 }, DataFormat.NHWC, 0)]
    [TestCase(new long[] { 2, 0 }, DataFormat.NHWC, 0)]
    [TestCase(new long[] { 0, 2 }, DataFormat.NHWC, 2)]
    [TestCase(new long[] { 4, 3, 0 }, DataFormat.NHWC, 0)]
    [TestCase(new long[] { 4, 0, 3 }, DataFormat.NHWC, 3)]
    [TestCase(new long[] { 0, 4, 3 }, DataFormat.NHWC, 3)]
    [TestCase(new long[] { 0, 0 }, DataFormat.NCHW, 0)]
    [TestCase(new long[] { 2, 0 }, DataFormat.NCHW, 0)]
    [TestCase(new long[] { 0, 2 }, DataFormat.NCHW, 2)]
    [TestCase(new long[] { 4, 3, 0 }, DataFormat.NCHW, 3)]
    [TestCase(new long[] { 4, 0, 3 }, DataFormat.NCHW, 0)]
    [TestCase(new long[] { 0, 4, 3 }, DataFormat.NCHW, 4)]
    [TestCase(new long[] { 0, 3, 1L << 40 }, DataFormat.NCHW, 3)]
    public void EmptyInputs(long[] shape, DataFormat format, int channels)
    {
        var output = Enumerable.Repeat(float.NaN, channels).ToArray();
        BiasAddGrad.Compute<float>([], shape, format, output);
        Assert.That(output, Is.All.EqualTo(0f));

        var halves = Enumerable.Repeat((Half)7, channels).ToArray();
        BiasAddGrad.Compute<Half>([], shape, format, halves);
        Assert.That(halves, Is.All.EqualTo((Half)0));

        var raw = Enumerable.Repeat((byte)0xAB, channels * 2).ToArray();
        BiasAddGrad.Compute(TfDataType.QUInt16, [], shape, format, raw);
        Assert.That(raw, Is.All.EqualTo((byte)0));
    }
}
