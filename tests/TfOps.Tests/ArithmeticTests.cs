using System.Numerics;
using System.Runtime.InteropServices;

namespace TfOps.Tests;

/// <summary>Hand-checked values: wrap-around, quantized storage sums, complex components, rank-2 NCHW column sums.</summary>
public class ArithmeticTests
{
    [Test]
    public void SignedBytesWrapAround()
    {
        sbyte[] x = [100, 100, 100, -128];
        var y = new sbyte[1];
        BiasAddGrad.Compute<sbyte>(x, [4, 1], DataFormat.NHWC, y);
        Assert.That(y[0], Is.EqualTo(unchecked((sbyte)(100 + 100 + 100 - 128))));
    }

    [Test]
    public void UnsignedWrapAround()
    {
        uint[] x = [uint.MaxValue, 2, uint.MaxValue, 5];
        var y = new uint[2];
        BiasAddGrad.Compute<uint>(x, [2, 2], DataFormat.NHWC, y);
        Assert.That(y, Is.EqualTo(new uint[] { 0xFFFF_FFFE, 7 }));
    }

    [Test]
    public void QuantizedTypesSumTheirStoredIntegers()
    {
        byte[] quint8 = [200, 100, 100, 1];
        var output = new byte[2];
        BiasAddGrad.Compute(TfDataType.QUInt8, quint8, [2, 2], DataFormat.NHWC, output);
        Assert.That(output, Is.EqualTo(new byte[] { 44, 101 }));

        int[] qint32 = [int.MaxValue, 1, -5, 2];
        var out32 = new int[1];
        BiasAddGrad.Compute(TfDataType.QInt32, MemoryMarshal.AsBytes<int>(qint32), [4, 1], DataFormat.NHWC, MemoryMarshal.AsBytes(out32.AsSpan()));
        Assert.That(out32[0], Is.EqualTo(unchecked(int.MaxValue + 1 - 5 + 2)));
    }

    [Test]
    public void ComplexSumsComponentWise()
    {
        Complex64[] x = [new(1, 2), new(3, -4), new(0.5f, 0.25f), new(-1, 1)];
        var y = new Complex64[2];
        BiasAddGrad.Compute<Complex64>(x, [2, 2], DataFormat.NHWC, y);
        Assert.That(y, Is.EqualTo(new Complex64[] { new(1.5f, 2.25f), new(2, -3) }));
        var z = new Complex[1];
        BiasAddGrad.Compute<Complex>([new(1, 2), new(3, 4), new(5, 6)], [1, 1, 3], DataFormat.NCHW, z);
        Assert.That(z[0], Is.EqualTo(new Complex(9, 12)));
    }

    [Test]
    public void RankTwoNchwIsColumnSums()
    {
        float[] x = [1, 2, 3, 4, 5, 6];
        var nchw = new float[3];
        BiasAddGrad.Compute<float>(x, [2, 3], DataFormat.NCHW, nchw);
        Assert.That(nchw, Is.EqualTo(new float[] { 5, 7, 9 }));
    }

    [Test]
    public void NchwChannelIsAxisOneAtRankFive()
    {
        // [N=2, C=2, 1, 2, 1]: channel c sums x[n, c, *, *, *].
        float[] x = [1, 2, 10, 20, 3, 4, 30, 40];
        var y = new float[2];
        BiasAddGrad.Compute<float>(x, [2, 2, 1, 2, 1], DataFormat.NCHW, y);
        Assert.That(y, Is.EqualTo(new float[] { 10, 100 }));
    }

    [Test]
    public void HalfAccumulatesInFloat32()
    {
        // 4096 ones: a float16 running sum would stick at 2048; a wider accumulator (TfOps sums in float64) gives 4096 exactly.
        var x = Enumerable.Repeat((Half)1, 4096).ToArray();
        var y = new Half[1];
        BiasAddGrad.Compute<Half>(x, [4096, 1], DataFormat.NHWC, y);
        Assert.That((float)y[0], Is.EqualTo(4096f));
    }

    [Test]
    public void BFloat16AccumulatesInFloat32()
    {
        // 1024 ones: a bfloat16 running sum sticks at 256; a wider accumulator (TfOps sums in float64) gives 1024 exactly.
        var x = Enumerable.Repeat(BFloat16.FromSingle(1), 1024).ToArray();
        var y = new BFloat16[1];
        BiasAddGrad.Compute<BFloat16>(x, [1, 1, 1024], DataFormat.NCHW, y);
        Assert.That(y[0].ToSingle(), Is.EqualTo(1024f));
    }
}
