using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Tests;

/// <summary>TensorFlow's texts and codes, in DESIGN.md's order; bad input never escapes as another exception type.</summary>
public class ValidationTests
{
    private const string AllowedList =
        "float, double, int32, uint8, int16, int8, complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64";

    private static TfOpsException Throws(TestDelegate action)
    {
        var error = Assert.Throws<TfOpsException>(action)!;
        Assert.That(error.Code, Is.EqualTo(TfCode.InvalidArgument));
        return error;
    }

    [Test]
    public void RankBelowTwo()
    {
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[5], [5], DataFormat.NHWC, new float[5])).Message,
            Is.EqualTo("Input tensor must be at least 2D: [5]"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[1], [], DataFormat.NCHW, new float[1])).Message,
            Is.EqualTo("Input tensor must be at least 2D: []"));
    }

    [TestCase(new long[] { 65536, 32768 })]
    [TestCase(new long[] { 2147483647, 1 })]
    [TestCase(new long[] { 1, 1, 2147483647 })]
    public void Int32MaxRuleIsStrict(long[] shape) =>
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], shape, DataFormat.NHWC, [])).Message,
            Is.EqualTo("BiasGrad requires tensor size <= int32 max"));

    [Test]
    public void ShapeProductsThatOverflowLong() =>
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], [1L << 40, 1L << 40, 1L << 40], DataFormat.NCHW, [])).Message,
            Is.EqualTo("BiasGrad requires tensor size <= int32 max"));

    [Test]
    public void NegativeDimension() =>
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], [3, -1], DataFormat.NHWC, [])).Message, Does.Contain("-1"));

    [Test]
    public void WrongBufferLengths()
    {
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[5], [2, 3], DataFormat.NHWC, new float[3])).Message, Does.Contain("outBackprop"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[6], [2, 3], DataFormat.NHWC, new float[2])).Message, Does.Contain("output"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[6], [2, 3], DataFormat.NCHW, new float[2])).Message, Does.Contain("output"));
        Assert.That(Throws(() => BiasAddGrad.Compute(TfDataType.Float, new byte[23], [2, 3], DataFormat.NHWC, new byte[12])).Message, Does.Contain("bytes"));
        Assert.That(Throws(() => BiasAddGrad.Compute(TfDataType.QInt16, new byte[12], [2, 3], DataFormat.NHWC, new byte[5])).Message, Does.Contain("bytes"));
    }

    [TestCase(TfDataType.Bool, "bool")]
    [TestCase(TfDataType.String, "string")]
    [TestCase(TfDataType.Resource, "resource")]
    [TestCase((TfDataType)99, "unknown dtype enum (99)")]
    public void UnsupportedDtype(TfDataType dtype, string name) =>
        Assert.That(Throws(() => BiasAddGrad.Compute(dtype, new byte[6], [2, 3], DataFormat.NHWC, new byte[3])).Message,
            Is.EqualTo($"Value for attr 'T' of {name} is not in the list of allowed values: {AllowedList}"));

    [Test]
    public void UnsupportedElementType() =>
        Assert.That(Throws(() => BiasAddGrad.Compute<char>(new char[6], [2, 3], DataFormat.NHWC, new char[3])).Message,
            Does.StartWith("Value for attr 'T' of System.Char is not in the list of allowed values: float, double"));

    [Test]
    public void UnknownDataFormat()
    {
        Assert.That(Throws(() => BiasAddGrad.Compute<float>(new float[6], [2, 3], (DataFormat)7, new float[3])).Message,
            Is.EqualTo("Value for attr 'data_format' of \"7\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
        Assert.That(Throws(() => DataFormats.Parse("NCDHW")).Message,
            Is.EqualTo("Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\""));
        Assert.That(Throws(() => DataFormats.Parse("nhwc")).Message, Does.Contain("\"nhwc\""));
        Assert.That(DataFormats.Parse("NCHW"), Is.EqualTo(DataFormat.NCHW));
    }

    [Test]
    public void CheckOrderDtypeThenFormatThenRankThenSizeThenLengths()
    {
        Assert.That(Throws(() => BiasAddGrad.Compute(TfDataType.Bool, [], [5], (DataFormat)9, [])).Message, Does.StartWith("Value for attr 'T'"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], [5], (DataFormat)9, [])).Message, Does.StartWith("Value for attr 'data_format'"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], [-5], DataFormat.NHWC, [])).Message, Does.StartWith("Input tensor must be at least 2D"));
        Assert.That(Throws(() => BiasAddGrad.Compute<float>([], [65536, 32768], DataFormat.NHWC, [])).Message, Does.StartWith("BiasGrad requires"));
    }

    // Complex tensors run as two lanes per element with int lane counts, so TfOps rejects more than
    // 2^30 - 1 complex elements (TensorFlow accepts up to the int32-max rule: a documented divergence).
    // The input is a span of the right length over address 0: the limit is checked from the shape
    // before any element is read, so nothing is allocated or dereferenced (a regression that reads
    // the input faults at address 0 and fails the test as well).
    [Test]
    public void ComplexAboveTwoToTheThirtyMinusOneElementsIsRejected()
    {
        const int elements = 1 << 30;
        const string limit = "complex tensors above 1073741823 elements are not supported";
        Assert.Multiple(() =>
        {
            Assert.That(Throws(() => BiasAddGrad.Compute<Complex64>(
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.NullRef<Complex64>(), elements), [elements, 1], DataFormat.NHWC, new Complex64[1])).Message,
                Does.StartWith(limit));
            Assert.That(Throws(() => BiasAddGrad.Compute<System.Numerics.Complex>(
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.NullRef<System.Numerics.Complex>(), elements), [2, 1, 1 << 29], DataFormat.NCHW, new System.Numerics.Complex[1])).Message,
                Does.StartWith(limit));
        });
    }

    [Test]
    public void ThreadCapsBelowOneAreArgumentErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelOptions.DefaultMaxThreads = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new KernelOptions { MaxThreads = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new KernelOptions { MaxThreads = -3 });
        Assert.That(new KernelOptions { MaxThreads = 2 }.MaxThreads, Is.EqualTo(2));
    }
}
