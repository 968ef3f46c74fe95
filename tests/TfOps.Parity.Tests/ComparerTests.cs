using System.Runtime.InteropServices;

namespace TfOps.Parity.Tests;

[TestFixture]
public class ComparerTests
{
    private static readonly GoldenDtype Float = GoldenDtype.For(TfDataType.Float);

    private static Comparison Floats(float[] actual, float[] expected, double rtol, double atol) =>
        GoldenComparer.Compare(Float, MemoryMarshal.AsBytes(actual.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()), new GoldenTolerance(rtol, atol));

    [Test]
    public void WithinAtolPlusRtolTimesExpected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Floats([10.5f], [10f], 0.01, 0.4).Passed, Is.True);   // 0.5 <= 0.4 + 0.1
            Assert.That(Floats([10.6f], [10f], 0.01, 0.4).Passed, Is.False);
            Assert.That(Floats([10.6f], [10f], 0.01, 0.4).WorstRatio, Is.GreaterThan(1));
            Assert.That(Floats([1f], [1f], 0, 0).WorstRatio, Is.Zero);
            Assert.That(Floats([1.0000001f], [1f], 0, 0).WorstRatio, Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void NaNEqualsNaNAndInfinitiesMatchInSign()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Floats([float.NaN, float.PositiveInfinity, float.NegativeInfinity], [float.NaN, float.PositiveInfinity, float.NegativeInfinity], 0, 0).Passed, Is.True);
            Assert.That(Floats([float.PositiveInfinity], [float.NegativeInfinity], 1, 1).Passed, Is.False);
            Assert.That(Floats([1f], [float.NaN], 1, 1).Passed, Is.False);
            Assert.That(Floats([float.NaN], [1f], 1, 1).Passed, Is.False);
            Assert.That(Floats([float.MaxValue], [float.PositiveInfinity], 1, 1).Passed, Is.False);
            Assert.That(Floats([-0f], [0f], 0, 0).Passed, Is.True);
        });
    }

    [Test]
    public void ComplexComparesPerComponent()
    {
        var dtype = GoldenDtype.For(TfDataType.Complex64);
        float[] expected = [1, 100], actual = [1.5f, 100];
        var result = GoldenComparer.Compare(dtype, MemoryMarshal.AsBytes(actual.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()), new GoldenTolerance(0.001, 0.1));
        Assert.That(result.Passed, Is.False, "a large imaginary part must not excuse the real part's error");
        Assert.That(result.Detail, Does.Contain("element 0 (real)"));
    }

    [Test]
    public void IntegersCompareExactlyWhateverTheTolerance()
    {
        var dtype = GoldenDtype.For(TfDataType.UInt64);
        ulong[] expected = [ulong.MaxValue], actual = [0];
        var result = GoldenComparer.Compare(dtype, MemoryMarshal.AsBytes(actual.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()), new GoldenTolerance(1, 1e30));
        Assert.That(result.Passed, Is.False);
        Assert.That(result.MaxAbsError, Is.EqualTo((double)ulong.MaxValue));
    }

    [Test]
    public void Bfloat16ComparesDecodedValues()
    {
        var dtype = GoldenDtype.For(TfDataType.BFloat16);
        ushort[] expected = [BFloat16.FromSingle(1f).RawValue], actual = [(ushort)(BFloat16.FromSingle(1f).RawValue + 1)];
        var bytesA = MemoryMarshal.AsBytes(actual.AsSpan());
        var bytesE = MemoryMarshal.AsBytes(expected.AsSpan());
        bool withinOneUlp = GoldenComparer.Compare(dtype, bytesA, bytesE, new GoldenTolerance(0, 0.0078125)).Passed;
        bool belowOneUlp = GoldenComparer.Compare(dtype, bytesA, bytesE, new GoldenTolerance(0, 0.0078)).Passed;
        Assert.That((withinOneUlp, belowOneUlp), Is.EqualTo((true, false)));
    }

    [TestCase("float32/NHWC/3x2", null, true)]
    [TestCase("float32/NHWC/3x2", "float32/*", true)]
    [TestCase("float32/NHWC/3x2", "*/nchw/*", false)]
    [TestCase("float32/NCHW/3x2", "*/NCHW/*", true)]
    [TestCase("bfloat16/NHWC/3x2", "float32", false)]
    [TestCase("bfloat16/NHWC/3x2", "bfloat", true)]
    [TestCase("a.b/NHWC/3x2", "a?b*", false)]
    public void Filters(string id, string? filter, bool selected) =>
        Assert.That(CaseFilter.Matches(id, filter), Is.EqualTo(selected));
}
