using System.Numerics;
using TfOps.Tests.Support;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// Every floating dtype against the exact sum of its channel's terms (<see cref="ExactSum"/>), judged by
/// what TfOps promises (<see cref="AccuracyTarget"/>: issue 12's target for the float32 family, the
/// plain float64 bound for float64 and complex128), in shapes that reach every strategy in both
/// formats, single-threaded and above the parallel threshold. Where the data make every partial sum
/// exact in a float64 accumulator (<see cref="DataKind.NearRoundingBoundary"/>, <see cref="DataKind.Overflow"/>
/// of float32-family inputs), the result must be the correctly rounded sum itself.
/// </summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
public class AccuracyTests<T>
    where T : unmanaged
{
    /// <summary>(format, shape, what it reaches).</summary>
    public static readonly object[] Shapes =
    [
        new object[] { DataFormat.NHWC, new long[] { 1, 37 }, "single row" },
        new object[] { DataFormat.NCHW, new long[] { 1, 37, 1 }, "single row" },
        new object[] { DataFormat.NHWC, new long[] { 4099, 3 }, "columns, super-rows, partial super-row" },
        new object[] { DataFormat.NHWC, new long[] { 20001, 8 }, "columns, several blocks, threads" },
        new object[] { DataFormat.NHWC, new long[] { 40, 5000 }, "columns, tiles" },
        new object[] { DataFormat.NCHW, new long[] { 300, 5, 49 }, "columns over [C, inner] slabs, scalar tails" },
        new object[] { DataFormat.NCHW, new long[] { 64, 3, 300 }, "planes, batch segments" },
        new object[] { DataFormat.NCHW, new long[] { 2, 2, 70001 }, "planes, pieces, threads" },
    ];

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (DataKind kind in Enum.GetValues<DataKind>())
        {
            foreach (object[] shape in Shapes)
            {
                yield return new TestCaseData(kind, shape[0], shape[1]).SetArgDisplayNames(kind.ToString(), shape[0].ToString()!, $"[{string.Join(",", (long[])shape[1])}] {shape[2]}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void MeetsTheTargetAgainstTheExactSum(DataKind kind, DataFormat format, long[] shape)
    {
        var data = new AccuracyData<T>(format, shape, seed: (int)kind * 1009 + (int)shape.Aggregate(1L, (a, b) => a * b));
        T[] input = data.Make(kind);
        var output = new T[data.Channels];
        BiasAddGrad.Compute<T>(input, shape, format, output);

        var (exact, magnitudes) = ExactSums(data, input);
        // These few float32-family terms add up exactly in float64, so the one final rounding is the only
        // one; float64 terms round along the chain, where only the bound is promised.
        bool exactlyRounded = (kind is DataKind.NearRoundingBoundary or DataKind.Overflow) && AccuracyData<T>.Type != FloatFormat.Double;
        var failures = new List<string>();
        for (int c = 0; c < data.Channels; c++)
        {
            var (re, im) = Dtype<T>.ToDoubles(output[c]);
            for (int q = 0; q < AccuracyData<T>.Components; q++)
            {
                double result = q == 0 ? re : im;
                int lane = (c * AccuracyData<T>.Components) + q;
                string? failure = AccuracyTarget.Check(AccuracyData<T>.Type, result, exact[lane], magnitudes[lane]);
                if (failure is null && exactlyRounded)
                {
                    BigInteger nearest = AccuracyData<T>.Type.RoundNearest(exact[lane]);
                    bool same = BigInteger.Abs(nearest) == AccuracyData<T>.Type.Beyond
                        ? double.IsInfinity(result) && Math.Sign(result) == nearest.Sign
                        : double.IsFinite(result) && FloatFormat.Scale(result) == nearest;
                    failure = same ? null : $"got {result:R}, the correctly rounded sum is {FloatFormat.ToDouble(nearest):R}";
                }

                if (failure is not null)
                {
                    failures.Add($"channel {c}{(q == 1 ? " (imaginary)" : "")}: {failure}");
                }
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} of {data.Channels * AccuracyData<T>.Components} lanes");
    }

    /// <summary>Per output lane: the exact sum and the exact sum of magnitudes, read back from the stored input.</summary>
    internal static (BigInteger[] Exact, BigInteger[] Magnitudes) ExactSums(AccuracyData<T> data, T[] input)
    {
        int lanes = (int)data.Channels * AccuracyData<T>.Components;
        var sums = new ExactSum[lanes];
        var abs = new ExactSum[lanes];
        for (int l = 0; l < lanes; l++)
        {
            sums[l] = new ExactSum();
            abs[l] = new ExactSum();
        }

        for (long i = 0; i < input.Length; i++)
        {
            long channel = (i / data.Inner) % data.Channels;
            var (re, im) = Dtype<T>.ToDoubles(input[i]);
            int lane = (int)channel * AccuracyData<T>.Components;
            sums[lane].Add(re);
            abs[lane].Add(Math.Abs(re));
            if (AccuracyData<T>.Components == 2)
            {
                sums[lane + 1].Add(im);
                abs[lane + 1].Add(Math.Abs(im));
            }
        }

        return ([.. sums.Select(s => s.Scaled())], [.. abs.Select(s => s.Scaled())]);
    }
}
