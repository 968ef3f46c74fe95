using Moq;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class PathSelectionTests
{
    private static readonly HostBuffer Readable = new(IsConcrete: true, HasPointer: true, Bytes: 96);

    [Test]
    public void ManagedInEager_RunsTheKernel_WithoutAskingThePlugin()
    {
        var plugin = new Mock<Func<bool>>();
        Assert.That(PathSelection.Choose(TfOpsGradientMode.ManagedInEager, Readable, 12, plugin.Object), Is.EqualTo(GradientPath.ManagedKernel));
        plugin.Verify(p => p(), Times.Never);
    }

    [Test]
    public void TensorFlowKernel_EmitsTheOp() =>
        Assert.That(PathSelection.Choose(TfOpsGradientMode.TensorFlowKernel, Readable, 12, null), Is.EqualTo(GradientPath.TensorFlowOp));

    [TestCase(true, true)]
    [TestCase(false, false)]
    public void FollowNativePlugin_AsksOnce_AndFollowsTheAnswer(bool active, bool expectOp)
    {
        var expected = expectOp ? GradientPath.TensorFlowOp : GradientPath.ManagedKernel;
        var plugin = new Mock<Func<bool>>();
        plugin.Setup(p => p()).Returns(active);
        Assert.That(PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, Readable, 12, plugin.Object), Is.EqualTo(expected));
        plugin.Verify(p => p(), Times.Once);
    }

    [Test]
    public void FollowNativePlugin_WithoutACallback_IsAProgrammingError() =>
        Assert.Throws<InvalidOperationException>(() => PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, Readable, 12, null));

    [TestCase(false, false, 96L, 12L, TestName = "a symbolic tensor")]
    [TestCase(true, false, 96L, 12L, TestName = "no host pointer")]
    [TestCase(true, true, -1L, 12L, TestName = "unknown size")]
    [TestCase(true, true, int.MaxValue + 1L, 12L, TestName = "over 2 GiB in")]
    [TestCase(true, true, 96L, 0x7FFFFFC8L, TestName = "output over one array")]
    [TestCase(true, true, 96L, 0L, TestName = "a zero-element result, which TensorFlow.NET cannot make from bytes")]
    [TestCase(true, true, 0L, 0L, TestName = "nothing in and nothing out")]
    public void ManagedInEager_FallsBackToTheOp_WhenTheKernelCannotBeFedOrItsResultCannotBeMade(bool concrete, bool pointer, long bytes, long outputBytes) =>
        Assert.That(
            PathSelection.Choose(TfOpsGradientMode.ManagedInEager, new HostBuffer(concrete, pointer, bytes), outputBytes, null),
            Is.EqualTo(GradientPath.TensorFlowOp));

    [Test]
    public void AnEmptyInputWithAResult_StaysManaged() =>
        Assert.That(PathSelection.Choose(TfOpsGradientMode.ManagedInEager, new HostBuffer(true, false, 0), 12, null), Is.EqualTo(GradientPath.ManagedKernel));

    [Test]
    public void TheOutputLimitIsOneByteArray() => Assert.That(Array.MaxLength + 1L, Is.EqualTo(0x7FFFFFC8L));

    [Test]
    public void AnUnknownMode_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PathSelection.Choose((TfOpsGradientMode)42, Readable, 12, null));
}
