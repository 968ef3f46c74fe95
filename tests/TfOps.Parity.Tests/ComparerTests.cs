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
        });
    }

    [Test]
    public void ZerosMatchInSignWhereTheToleranceIsZero()
    {
        Assert.Multiple(() =>
        {
            var flipped = Floats([-0f], [0f], 0, 0);
            Assert.That(flipped.Passed, Is.False, "-0.0 where +0.0 is expected, exact case");
            Assert.That(flipped.Detail, Does.Contain("got -0, expected 0").And.Contain("sign"));
            Assert.That(flipped.WorstRatio, Is.EqualTo(double.PositiveInfinity));
            Assert.That(Floats([0f], [-0f], 0, 0).Passed, Is.False, "+0.0 where -0.0 is expected, exact case");
            Assert.That(Floats([-0f, 0f], [-0f, 0f], 0, 0).Passed, Is.True);
            Assert.That(Floats([-0f], [0f], 0, 1e-6).Passed, Is.True, "a tolerance leaves the sign of zero ungraded");
            Assert.That(Floats([0f], [-0f], 1e-6, 0).Passed, Is.True, "a tolerance leaves the sign of zero ungraded");
            Assert.That(Floats([1e-30f], [-0f], 0, 1e-6).Passed, Is.True);
        });
    }

    [TestCase(TfDataType.Half, new ushort[] { 0x8000, 0x0000 }, new ushort[] { 0x0000, 0x0000 })]
    [TestCase(TfDataType.BFloat16, new ushort[] { 0x0000, 0x8000 }, new ushort[] { 0x0000, 0x0000 })]
    public void SixteenBitZerosMatchInSignWhenExact(TfDataType dtype, ushort[] expected, ushort[] actual)
    {
        var golden = GoldenDtype.For(dtype);
        byte[] bytesA = MemoryMarshal.AsBytes(actual.AsSpan()).ToArray();
        byte[] bytesE = MemoryMarshal.AsBytes(expected.AsSpan()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(GoldenComparer.Compare(golden, bytesA, bytesE, tolerance: null).Passed, Is.False, "absent tolerance means exact");
            Assert.That(GoldenComparer.Compare(golden, bytesE, bytesE, tolerance: null).Passed, Is.True);
            Assert.That(GoldenComparer.Compare(golden, bytesA, bytesE, new GoldenTolerance(0, 1e-3)).Passed, Is.True);
        });
    }

    [Test]
    public void ComplexZerosMatchInSignPerComponent()
    {
        var dtype = GoldenDtype.For(TfDataType.Complex128);
        double[] expected = [0.0, -0.0], actual = [0.0, 0.0];
        var result = GoldenComparer.Compare(dtype, MemoryMarshal.AsBytes(actual.AsSpan()), MemoryMarshal.AsBytes(expected.AsSpan()), GoldenTolerance.Exact);
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Detail, Does.Contain("element 0 (imaginary)"));
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
