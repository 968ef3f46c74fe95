using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Tests.Support;

namespace TfOps.Tests;

/// <summary>
/// One row (NHWC [1, C], NCHW with N * inner == 1): TensorFlow's CPU kernel copies the input
/// (../shared/reference/tf-biasaddgrad.md, "Arithmetic"), so the output must be the input bit for bit:
/// -0.0 stays -0.0 and a NaN keeps its payload, even a signalling one (an addition would quiet it).
/// </summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
[TestFixture(typeof(int))]
[TestFixture(typeof(sbyte))]
public class SingleRowTests<T>
    where T : unmanaged
{
    [TestCase(DataFormat.NHWC, new long[] { 1, 70 })]
    [TestCase(DataFormat.NHWC, new long[] { 1, 1, 1, 70 })]
    [TestCase(DataFormat.NCHW, new long[] { 1, 70, 1 })]
    [TestCase(DataFormat.NCHW, new long[] { 1, 70, 1, 1 })]
    [TestCase(DataFormat.NCHW, new long[] { 1, 70 })]
    public void OneRowIsCopiedBitForBit(DataFormat format, long[] shape)
    {
        var input = Dtype<T>.RandomArray(70, seed: 5, wholeNumbers: false);
        Span<byte> bytes = MemoryMarshal.AsBytes(input.AsSpan());
        int size = bytes.Length / input.Length;
        if (!Dtype<T>.IsInteger)
        {
            // Every lane of element 3 is -0.0 and every lane of element 4 a signalling NaN with a payload;
            // complex types hold two lanes of their component type.
            int lanes = Dtype<T>.IsComplex ? 2 : 1, laneSize = size / lanes;
            for (int lane = 0; lane < lanes; lane++)
            {
                WriteLane(bytes.Slice((3 * size) + (lane * laneSize), laneSize), negativeZero: true);
                WriteLane(bytes.Slice((4 * size) + (lane * laneSize), laneSize), negativeZero: false);
            }
        }

        var output = new T[70];
        BiasAddGrad.Compute<T>(input, shape, format, output);

        Assert.That(Dtype<T>.Bits(output), Is.EqualTo(Dtype<T>.Bits(input)));
    }

    /// <summary>-0.0, or a signalling NaN (quiet bit clear, payload 1), in a float lane of 2, 4 or 8 bytes.</summary>
    private static void WriteLane(Span<byte> lane, bool negativeZero)
    {
        ulong bits = (lane.Length, negativeZero) switch
        {
            (2, true) => 0x8000,
            (4, true) => 0x8000_0000,
            (8, true) => 0x8000_0000_0000_0000,
            (2, false) when typeof(T) == typeof(BFloat16) => 0x7F81,
            (2, false) => 0x7C01,
            (4, false) => 0x7F80_0001,
            _ => 0x7FF0_0000_0000_0001,
        };
        for (int i = 0; i < lane.Length; i++)
        {
            lane[i] = (byte)(bits >> (8 * i));
        }
    }
}
