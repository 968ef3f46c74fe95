using System.Numerics;
using TfOps.Kernels.Strategies;
using TfOps.Tests.Support;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// The worst case the plans allow (docs/kernel.md, "Accuracy"): adversarial data (<see cref="ChainData"/>)
/// on the longest chain of each strategy (a full column block of <see cref="ColumnPlan.MaxBlockRows"/>
/// rows, a full plane piece, a full batch segment). The small terms sit just below what a float64
/// chain absorbs (the worst case for TfOps's float64 accumulators) or just below what a float32 chain
/// absorbs (which a float32 accumulator fails). For the float32 family, |S| is about 2^-9 A, where the
/// target asks for a faithful result (met far inside: the plans cap the chains). For float64 and
/// complex128, nothing cancels and a block or piece loses about its chain length times 2^-53 of A
/// (about 1024 and 512 of the 1307 and 669 that <see cref="AccuracyTarget"/> allows per strategy):
/// a plan that chained twice as long would fail.
/// </summary>
[TestFixture(typeof(float))]
[TestFixture(typeof(double))]
[TestFixture(typeof(Half))]
[TestFixture(typeof(BFloat16))]
[TestFixture(typeof(Complex64))]
[TestFixture(typeof(Complex))]
public class LongestChainTests<T>
    where T : unmanaged
{
    private static int Components => AccuracyData<T>.Components;

    [TestCase(53, TestName = "{m}(absorbed by float64)")]
    [TestCase(24, TestName = "{m}(absorbed by float32)")]
    public void ColumnBlocks(int absorbingPrecision)
    {
        var plan = ColumnPlan.Create(3 * ColumnPlan.MaxBlockRows * 8 / Components, 1, 1, Components, sizeof(double));
        Assume.That(plan.RowsPerBlock, Is.EqualTo(ColumnPlan.MaxBlockRows), "the shape must reach the longest block chain");
        long elements = (long)plan.FullRows * plan.Width / Components;
        int width = plan.Width, rowsPerBlock = plan.RowsPerBlock;
        Check(DataFormat.NHWC, [elements, 1], AccuracyTarget.LongestColumnChain, ChainData.For(AccuracyData<T>.Type, absorbingPrecision, 4), lane =>
        {
            long row = lane / width, column = lane % width;
            bool first = row % rowsPerBlock == 0;
            return column < width / 2 ? (first ? ChainData.Role.Big : ChainData.Role.Small)
                : first ? ChainData.Role.Partner
                : row == 1 && column - (width / 2) < Components ? ChainData.Role.Marker : ChainData.Role.PartnerTail;
        });
    }

    [TestCase(53, TestName = "{m}(absorbed by float64)")]
    [TestCase(24, TestName = "{m}(absorbed by float32)")]
    public void PlanePieces(int absorbingPrecision)
    {
        int pieceLanes = PlanePlan.Create(1, 1, 1 << 20, 1, sizeof(double)).PieceLanes;
        long inner = 3L * pieceLanes / Components;
        Assume.That(PlanePlan.Create(1, 1, (int)inner, Components, sizeof(double)).PiecesPerPlane, Is.EqualTo(3));
        Check(DataFormat.NCHW, [1, 1, inner], AccuracyTarget.LongestPlaneChain, ChainData.For(AccuracyData<T>.Type, absorbingPrecision, 1), lane => SlotRole(lane % pieceLanes, opensChain: true));
    }

    [TestCase(53, TestName = "{m}(absorbed by float64)")]
    [TestCase(24, TestName = "{m}(absorbed by float32)")]
    public void PlaneSegments(int absorbingPrecision)
    {
        int planeLanes = 256, inner = planeLanes / Components;
        int perItem = PlanePlan.Create(1000, 1, inner, Components, sizeof(double)).PlanesPerItem;
        Assume.That(perItem * planeLanes, Is.GreaterThanOrEqualTo(16384), "a segment must be a long chain");
        Check(DataFormat.NCHW, [3L * perItem, 1, inner], AccuracyTarget.LongestPlaneChain, ChainData.For(AccuracyData<T>.Type, absorbingPrecision, 1),
            lane => SlotRole(lane % planeLanes, opensChain: lane / planeLanes % perItem == 0));
    }

    /// <summary>Slots below 32 carry B then s; slots from 32 carry the partner chains (their fold partners), and the marker (one per component).</summary>
    private static ChainData.Role SlotRole(long offset, bool opensChain)
    {
        long slot = offset % PlaneKernel.Slots;
        bool first = opensChain && offset < PlaneKernel.Slots;
        return slot < PlaneKernel.Slots / 2 ? (first ? ChainData.Role.Big : ChainData.Role.Small)
            : first ? ChainData.Role.Partner
            : opensChain && offset - PlaneKernel.Slots - (PlaneKernel.Slots / 2) is var d && d >= 0 && d < Components ? ChainData.Role.Marker : ChainData.Role.PartnerTail;
    }

    private static void Check(DataFormat format, long[] shape, int longestChain, ChainData data, Func<long, ChainData.Role> role)
    {
        long lanes = shape.Aggregate(1L, (a, b) => a * b) * Components;
        var magnitudes = new ExactSum[Components];
        for (int q = 0; q < Components; q++)
        {
            magnitudes[q] = new ExactSum();
        }

        for (long l = 0; l < lanes; l++)
        {
            magnitudes[l % Components].Add(Math.Abs(data.Value(role(l))));
        }

        data = data with { Marker = ChainData.MarkerFor(magnitudes[0].Scaled()) };
        var values = new double[lanes];
        for (long l = 0; l < lanes; l++)
        {
            values[l] = data.Value(role(l));
        }

        var input = new T[lanes / Components];
        for (long i = 0; i < input.Length; i++)
        {
            input[i] = Dtype<T>.Make(values[i * Components], Components == 2 ? values[(i * Components) + 1] : 0);
        }

        var output = new T[1];
        BiasAddGrad.Compute<T>(input, shape, format, output);

        var (re, im) = Dtype<T>.ToDoubles(output[0]);
        for (int q = 0; q < Components; q++)
        {
            var exact = new ExactSum();
            var abs = new ExactSum();
            for (long l = q; l < lanes; l += Components)
            {
                exact.Add(values[l]);
                abs.Add(Math.Abs(values[l]));
            }

            BigInteger s = exact.Scaled(), a = abs.Scaled();
            if (data.Cancels)
            {
                Assert.That(BigInteger.Abs(s) << AccuracyTarget.FaithfulBelow, Is.GreaterThanOrEqualTo(a), "the data must ask for a faithful result");
            }

            string? failure = AccuracyTarget.Check(AccuracyData<T>.Type, q == 0 ? re : im, s, a, longestChain);
            Assert.That(failure, Is.Null, $"component {q}: B = {data.Big}, s = {data.Small}, marker = {data.Marker}");
        }
    }
}
