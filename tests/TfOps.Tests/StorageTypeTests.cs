namespace TfOps.Tests;

/// <summary>BFloat16 conversions round to nearest even; Complex64 widens exactly.</summary>
public class StorageTypeTests
{
    [TestCase(1.0f, (ushort)0x3F80)]
    [TestCase(1.00390625f, (ushort)0x3F80)] // exactly halfway between 0x3F80 and 0x3F81: ties to even (down)
    [TestCase(1.01171875f, (ushort)0x3F82)] // halfway between 0x3F81 and 0x3F82: ties to even (up)
    [TestCase(1.0039064f, (ushort)0x3F81)]  // just above halfway (bits 0x3F808001): up
    [TestCase(-2.5f, (ushort)0xC020)]
    [TestCase(float.PositiveInfinity, (ushort)0x7F80)]
    [TestCase(3.4028235e38f, (ushort)0x7F80)] // rounds up to infinity
    public void FromSingleRoundsToNearestEven(float value, ushort bits) =>
        Assert.That(BFloat16.FromSingle(value).RawValue, Is.EqualTo(bits));

    [Test]
    public void NaNStaysNaN()
    {
        var nan = BFloat16.FromSingle(BitConverter.UInt32BitsToSingle(0x7F800001));
        Assert.That(float.IsNaN(nan.ToSingle()), Is.True);
    }

    [Test]
    public void Complex64RoundTrips()
    {
        var value = new Complex64(1.5f, -2.25f);
        System.Numerics.Complex wide = value;
        Assert.That((Complex64)wide, Is.EqualTo(value));
    }
}
