using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class RequestTests
{
    [TestCase(DataFormat.NHWC, 5L)]
    [TestCase(DataFormat.NCHW, 3L)]
    public void BiasGradRequest_SizesInputAndOutput(DataFormat format, long channels)
    {
        var request = BiasGradRequest.Create(101, format.ToAttrString(), [2, 3, 4, 5]);

        Assert.Multiple(() =>
        {
            Assert.That(request.Dtype, Is.EqualTo(TfDataType.Float));
            Assert.That(request.OutputTfDataType, Is.EqualTo(1), "a gradient is never a reference dtype");
            Assert.That(request.Format, Is.EqualTo(format));
            Assert.That(request.OutputDims, Is.EqualTo(new[] { channels }));
            Assert.That(request.InputBytes, Is.EqualTo(120 * 4));
            Assert.That(request.OutputBytes, Is.EqualTo(channels * 4));
        });
    }

    [Test]
    public void BiasGradRequest_BelowRank2_LeavesTheErrorToTheKernel()
    {
        var request = BiasGradRequest.Create(1, "NHWC", [5]);
        Assert.That((request.InputBytes, request.OutputBytes), Is.EqualTo((20L, 0L)));
    }

    [Test]
    public void BiasGradRequest_WithUnknownDims_HasUnknownSizes()
    {
        var request = BiasGradRequest.Create(2, "NHWC", [-1, -1]);
        Assert.That((request.InputBytes, request.OutputBytes), Is.EqualTo((-1L, -1L)));
    }

    [Test]
    public void ShapeMath_ByteCount_HandlesZeroUnknownAndOverflow()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShapeMath.ByteCount([0, long.MaxValue, long.MaxValue], 4), Is.EqualTo(0));
            Assert.That(ShapeMath.ByteCount([long.MaxValue, 2], 4), Is.EqualTo(-1));
            Assert.That(ShapeMath.ByteCount([3, -1], 4), Is.EqualTo(-1));
            Assert.That(ShapeMath.ByteCount([], 8), Is.EqualTo(8));
        });
    }

    [Test]
    public void BroadcastRequest_SizesTheFullShape()
    {
        var request = BroadcastRequest.Create(18, "NCHW", [2, 3, 4], [3]);

        Assert.Multiple(() =>
        {
            Assert.That(request.Dtype, Is.EqualTo(TfDataType.Complex128));
            Assert.That(request.GradientBytes, Is.EqualTo(3 * 16));
            Assert.That(request.OutputBytes, Is.EqualTo(24 * 16));
            Assert.That(request.OutputDims, Is.EqualTo(new long[] { 2, 3, 4 }));
        });
    }

    [TestCase("NHWC", new long[] { 2, 3, 4, 5 }, new long[] { 1, 1, 1, 5 }, new[] { 2, 3, 4, 1 })]
    [TestCase("NCHW", new long[] { 2, 3, 4, 5 }, new long[] { 1, 3, 1, 1 }, new[] { 2, 1, 4, 5 })]
    [TestCase("NCHW", new long[] { 6, 7 }, new long[] { 1, 7 }, new[] { 6, 1 })]
    [TestCase("NHWC", new long[] { 2, -1 }, new long[] { 1, 9 }, new[] { 2, 1 })]
    public void PlanTile_ReshapesToOnesAndC_AndTilesByTheOtherDims(string format, long[] dims, long[] reshapeTo, int[] multiples)
    {
        var plan = BroadcastRequest.Create(1, format, dims, [reshapeTo.Max()]).PlanTile();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReshapeTo, Is.EqualTo(reshapeTo));
            Assert.That(plan.Multiples, Is.EqualTo(multiples));
        });
    }

    [Test]
    public void PlanTile_WithAnUnknownGradientLength_LetsReshapeInferC() =>
        Assert.That(BroadcastRequest.Create(1, "NHWC", [2, 3], [-1]).PlanTile().ReshapeTo, Is.EqualTo(new long[] { 1, -1 }));

    [Test]
    public void PlanTile_WithAnUnknownNonChannelDim_IsUnimplemented()
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.Create(1, "NCHW", [-1, 3, 4], [3]).PlanTile());
        Assert.That(error!.Code, Is.EqualTo(TfCode.Unimplemented));
    }

    [Test]
    public void PlanTile_BelowRank2_IsTheKernelsInvalidArgument()
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.Create(1, "NHWC", [5], [5]).PlanTile());
        Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }
}
