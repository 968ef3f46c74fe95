using System.Numerics;
using NumSharp;

namespace TfOps.Parity.Tests;

/// <summary>BiasAddGrad.Compute(NDArray, DataFormat) against a naive loop over NumSharp's own indexing.</summary>
[TestFixture]
public class NumSharpEntryTests
{
    private static readonly int[][] Shapes = [[3, 2], [1, 3, 2], [2, 3, 4, 2], [2, 1, 3, 1, 2, 3], [5, 17], [2, 9, 33], [0, 4, 3], [4, 3, 0]];

    public static IEnumerable<TestCaseData> Combinations() =>
        from shape in Shapes
        from format in new[] { DataFormat.NHWC, DataFormat.NCHW }
        select new TestCaseData(shape, format).SetName($"NumSharp({string.Join("x", shape)}, {format})");

    [TestCaseSource(nameof(Combinations))]
    public void Int64MatchesANaiveLoop(int[] shape, DataFormat format)
    {
        var input = np.arange(Product(shape)).astype(NPTypeCode.Int64).reshape(shape) * 7 - 11;
        var actual = BiasAddGrad.Compute(input, format);
        Assert.That(actual.ToArray<long>(), Is.EqualTo(Naive(input, format, (a, b) => a + b, 0L)));
        Assert.That(actual.shape, Is.EqualTo(new long[] { shape[format == DataFormat.NHWC ? shape.Length - 1 : 1] }));
    }

    [Test]
    public void FloatTypesSumPerChannel()
    {
        var input = np.array(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }).reshape(2, 3, 2);
        Assert.Multiple(() =>
        {
            Assert.That(BiasAddGrad.Compute(input, DataFormat.NCHW).ToArray<double>(), Is.EqualTo(new double[] { 1 + 2 + 7 + 8, 3 + 4 + 9 + 10, 5 + 6 + 11 + 12 }));
            Assert.That(BiasAddGrad.Compute(input.astype(NPTypeCode.Single), DataFormat.NHWC).ToArray<float>(), Is.EqualTo(new float[] { 36, 42 }));
            Assert.That(BiasAddGrad.Compute(input.astype(NPTypeCode.Half), DataFormat.NHWC).ToArray<Half>(), Is.EqualTo(new[] { (Half)36, (Half)42 }));
        });
    }

    [Test]
    public void IntegersWrap()
    {
        var input = np.array(new sbyte[] { 127, 127, 127, 127 }).reshape(2, 2);
        Assert.That(BiasAddGrad.Compute(input, DataFormat.NHWC).ToArray<sbyte>(), Is.EqualTo(new sbyte[] { -2, -2 }));
        var unsigned = np.array(new ulong[] { ulong.MaxValue, 2 }).reshape(2, 1);
        Assert.That(BiasAddGrad.Compute(unsigned, DataFormat.NCHW).ToArray<ulong>(), Is.EqualTo(new ulong[] { 1 }));
    }

    [Test]
    public void Complex128SumsPerComponent()
    {
        var input = np.array(new[] { new Complex(1, 2), new Complex(3, -4), new Complex(5, 6), new Complex(7, 8) }).reshape(2, 2);
        Assert.That(BiasAddGrad.Compute(input, DataFormat.NHWC).ToArray<Complex>(), Is.EqualTo(new[] { new Complex(6, 8), new Complex(10, 4) }));
    }

    [Test]
    public void ViewsAreReadInLogicalOrder()
    {
        var full = np.arange(24).astype(NPTypeCode.Int32).reshape(4, 6);
        var transposed = full.T; // [6, 4], not contiguous
        Assert.That(BiasAddGrad.Compute(transposed, DataFormat.NHWC).ToArray<int>(), Is.EqualTo(Naive(transposed, DataFormat.NHWC, (a, b) => a + b, 0)));
        var sliced = full[":, 1::2"];
        Assert.That(BiasAddGrad.Compute(sliced, DataFormat.NHWC).ToArray<int>(), Is.EqualTo(Naive(sliced, DataFormat.NHWC, (a, b) => a + b, 0)));
    }

    [Test]
    public void ErrorsCarryTensorFlowsText()
    {
        var rank1 = Assert.Throws<TfOpsException>(() => BiasAddGrad.Compute(np.arange(5).astype(NPTypeCode.Single), DataFormat.NHWC));
        var boolean = Assert.Throws<TfOpsException>(() => BiasAddGrad.Compute(np.array(new[] { true, false }).reshape(1, 2), DataFormat.NHWC));
        var format = Assert.Throws<TfOpsException>(() => BiasAddGrad.Compute(np.zeros(new Shape(2, 2), NPTypeCode.Single), (DataFormat)7));
        Assert.Multiple(() =>
        {
            Assert.That(rank1!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
            Assert.That(boolean!.Message, Does.StartWith("Value for attr 'T' of bool is not in the list of allowed values: float, double"));
            Assert.That(format!.Code, Is.EqualTo(TfCode.InvalidArgument));
        });
    }

    private static int Product(int[] shape) => shape.Aggregate(1, (p, d) => p * d);

    // Independent of the kernel: walks every index with NumSharp's own element access.
    private static T[] Naive<T>(NDArray input, DataFormat format, Func<T, T, T> add, T zero) where T : unmanaged
    {
        long[] shape = input.shape;
        int axis = format == DataFormat.NHWC ? shape.Length - 1 : 1;
        var sums = Enumerable.Repeat(zero, (int)shape[axis]).ToArray();
        var index = new long[shape.Length];
        for (int flat = 0; flat < input.size; flat++)
        {
            long rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }

            sums[index[axis]] = add(sums[index[axis]], input.GetValue<T>(index));
        }

        return sums;
    }
}
