using Moq;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class PathSelectionTests
{
    private static readonly HostBuffer Readable = new(IsConcrete: true, HasPointer: true, Bytes: 96);

    [TestCase(TfOpsGradientMode.ManagedInEager)]
    [TestCase(TfOpsGradientMode.TensorFlowKernel)]
    [TestCase(TfOpsGradientMode.FollowNativePlugin)]
    public void GraphMode_AlwaysEmitsTheOp_WithoutAskingThePlugin(TfOpsGradientMode mode)
    {
        var plugin = new Mock<Func<bool>>();
        Assert.That(PathSelection.Choose(mode, executingEagerly: false, Readable, 12, plugin.Object), Is.EqualTo(GradientPath.TensorFlowOp));
        plugin.Verify(p => p(), Times.Never);
    }

    [Test]
    public void ManagedInEager_RunsTheKernel_WithoutAskingThePlugin()
    {
        var plugin = new Mock<Func<bool>>();
        Assert.That(PathSelection.Choose(TfOpsGradientMode.ManagedInEager, true, Readable, 12, plugin.Object), Is.EqualTo(GradientPath.ManagedKernel));
        plugin.Verify(p => p(), Times.Never);
    }

    [Test]
    public void TensorFlowKernel_EmitsTheOp() =>
        Assert.That(PathSelection.Choose(TfOpsGradientMode.TensorFlowKernel, true, Readable, 12, null), Is.EqualTo(GradientPath.TensorFlowOp));

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void FollowNativePlugin_AsksOnce_AndFollowsTheAnswer(bool active, bool expectOp)
    {
        var expected = expectOp ? GradientPath.TensorFlowOp : GradientPath.ManagedKernel;
        var plugin = new Mock<Func<bool>>();
        plugin.Setup(p => p()).Returns(active);
        Assert.That(PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, true, Readable, 12, plugin.Object), Is.EqualTo(expected));
        plugin.Verify(p => p(), Times.Once);
    }

    [Test]
    public void FollowNativePlugin_WithoutACallback_IsAProgrammingError() =>
        Assert.Throws<InvalidOperationException>(() => PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, true, Readable, 12, null));

    [TestCase(false, false, 96L, 12L, TestName = "a symbolic tensor")]
    [TestCase(true, false, 96L, 12L, TestName = "no host pointer")]
    [TestCase(true, true, -1L, 12L, TestName = "unknown size")]
    [TestCase(true, true, int.MaxValue + 1L, 12L, TestName = "over 2 GiB in")]
    [TestCase(true, true, 96L, -1L, TestName = "unknown output size")]
    [TestCase(true, true, 96L, 0x7FFFFFC8L, TestName = "output over one array")]
    public void ManagedInEager_FallsBackToTheOp_WhenTheKernelCannotBeFed(bool concrete, bool pointer, long bytes, long outputBytes) =>
        Assert.That(
            PathSelection.Choose(TfOpsGradientMode.ManagedInEager, true, new HostBuffer(concrete, pointer, bytes), outputBytes, null),
            Is.EqualTo(GradientPath.TensorFlowOp));

    [Test]
    public void TheOutputLimitIsOneByteArray() => Assert.That(Array.MaxLength + 1L, Is.EqualTo(0x7FFFFFC8L));

    [Test]
    public void AnEmptyTensorWithoutAPointer_IsStillReadable() =>
        Assert.That(new HostBuffer(true, false, 0).IsReadableAsSpan, Is.True);

    [Test]
    public void AnUnknownMode_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PathSelection.Choose((TfOpsGradientMode)42, true, Readable, 12, null));
}
