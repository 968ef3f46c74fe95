using TfOps.Kernels.Strategies;

namespace TfOps.Tests;

/// <summary>
/// The summation order is a function of the shape and the accumulator only: these pin which
/// strategy the benchmark shapes take, so the determinism cases below know they cover each one.
/// </summary>
public class PlanTests
{
    [TestCase(1, 1000, 1, "SingleRow")]
    [TestCase(4194304, 3, 1, "Columns")]
    [TestCase(256, 512, 49, "Columns")]
    [TestCase(32, 64, 3136, "Planes")]
    [TestCase(16, 3, 262144, "Planes")]
    [TestCase(0, 3, 5, "Empty")]
    public void StrategyByShape(int outer, int channels, int inner, string strategy) =>
        Assert.That(ReductionStrategies.Choose(outer, channels, inner, 1).ToString(), Is.EqualTo(strategy));

    [Test]
    public void SmallChannelCountsBecomeSuperRows()
    {
        var plan = ColumnPlan.Create(4194304, 3, 1, 1, sizeof(float));
        Assert.That((plan.Width, plan.SuperFactor, plan.FullRows, plan.LastRowLanes), Is.EqualTo((48, 16, 262144, 0)));
        Assert.That(plan.RowsPerBlock % ColumnKernel.GroupRows, Is.Zero);
    }

    [Test]
    public void WideSlabsAreTiledAndPlanesAreSplitIntoPieces()
    {
        Assert.That(ColumnPlan.Create(256, 512, 49, 1, sizeof(float)).Tiles, Is.GreaterThan(1));
        Assert.That(PlanePlan.Create(16, 3, 262144, 1, sizeof(float)).PiecesPerPlane, Is.GreaterThan(1));
        Assert.That(PlanePlan.Create(32, 64, 3136, 1, sizeof(float)).ChannelsPerItem, Is.EqualTo(64));
    }
}
