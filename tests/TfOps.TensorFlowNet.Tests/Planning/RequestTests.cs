using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class RequestTests
{
    [Test]
    public void ForEager_ValidatesOutBackprop_AndSizesBothDirections()
    {
        var request = BroadcastRequest.ForEager(18, "NCHW", [2, 3, 4], [3]);

        Assert.Multiple(() =>
        {
            Assert.That(request.Format, Is.EqualTo(DataFormat.NCHW));
            Assert.That(request.Shape!.Value.DataType, Is.EqualTo(TfDataType.Complex128));
            Assert.That(request.Shape.Value.OutputByteCount, Is.EqualTo(3 * 16), "the [C] gradient");
            Assert.That(request.Shape.Value.InputByteCount, Is.EqualTo(24 * 16), "the broadcast result");
        });
    }

    [TestCase(new long[] { 4 })]
    [TestCase(new long[] { 1, 3 })]
    public void ForEager_AGradientThatIsNotC_IsTensorFlowsReshapeError(long[] gradientDims)
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.ForEager(1, "NHWC", [2, 3], gradientDims));
        long values = gradientDims.Aggregate(1L, (a, b) => a * b);
        Assert.That(error!.Message, Is.EqualTo($"Input to reshape is a tensor with {values} values, but the requested shape has 3"));
    }

    [Test]
    public void ForEager_ChecksOutBackpropWithTheValidateStep()
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.ForEager(1, "NHWC", [5], [5]));
        Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }

    [Test]
    public void ForGraph_WithUnknownDims_ChecksOnlyTheAttrs()
    {
        var request = BroadcastRequest.ForGraph(1, "NCHW", [-1, 3, 4], [3]);
        Assert.Multiple(() =>
        {
            Assert.That(request.Shape, Is.Null);
            Assert.That(request.Format, Is.EqualTo(DataFormat.NCHW));
            Assert.That(Assert.Throws<TfOpsException>(() => BroadcastRequest.ForGraph(10, "NCHW", [-1, 3], [3]))!.Message, Does.StartWith("Value for attr 'T' of bool"));
        });
    }

    [TestCase("NHWC", new long[] { 2, 3, 4, 5 }, new long[] { 1, 1, 1, 5 }, new[] { 2, 3, 4, 1 })]
    [TestCase("NCHW", new long[] { 2, 3, 4, 5 }, new long[] { 1, 3, 1, 1 }, new[] { 2, 1, 4, 5 })]
    [TestCase("NCHW", new long[] { 6, 7 }, new long[] { 1, 7 }, new[] { 6, 1 })]
    [TestCase("NHWC", new long[] { 2, -1 }, new long[] { 1, 9 }, new[] { 2, 1 })]
    [TestCase("NHWC", new long[] { 2, 0, 3 }, new long[] { 1, 1, 3 }, new[] { 2, 0, 1 })]
    public void PlanTile_ReshapesToOnesAndC_AndTilesByTheOtherDims(string format, long[] dims, long[] reshapeTo, int[] multiples)
    {
        var plan = BroadcastRequest.ForGraph(1, format, dims, [reshapeTo.Max()]).PlanTile();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReshapeTo, Is.EqualTo(reshapeTo));
            Assert.That(plan.Multiples, Is.EqualTo(multiples));
        });
    }

    [Test]
    public void PlanTile_WithAnUnknownGradientLength_LetsReshapeInferC() =>
        Assert.That(BroadcastRequest.ForGraph(1, "NHWC", [2, 3], [-1]).PlanTile().ReshapeTo, Is.EqualTo(new long[] { 1, -1 }));

    [Test]
    public void PlanTile_WithAnUnknownNonChannelDim_IsUnimplemented()
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.ForGraph(1, "NCHW", [-1, 3, 4], [3]).PlanTile());
        Assert.That(error!.Code, Is.EqualTo(TfCode.Unimplemented));
    }

    [Test]
    public void ForGraph_BelowRank2_IsTheValidateStepsError()
    {
        var error = Assert.Throws<TfOpsException>(() => BroadcastRequest.ForGraph(1, "NHWC", [5], [5]));
        Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }
}
