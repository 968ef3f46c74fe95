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

    [TestCase(true, GradientPath.TensorFlowOp)]
    [TestCase(false, GradientPath.ManagedKernel)]
    public void FollowNativePlugin_AsksOnce_AndFollowsTheAnswer(bool active, GradientPath expected)
    {
        var plugin = new Mock<Func<bool>>();
        plugin.Setup(p => p()).Returns(active);
        Assert.That(PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, true, Readable, 12, plugin.Object), Is.EqualTo(expected));
        plugin.Verify(p => p(), Times.Once);
    }

    [Test]
    public void FollowNativePlugin_WithoutACallback_IsAProgrammingError() =>
        Assert.Throws<InvalidOperationException>(() => PathSelection.Choose(TfOpsGradientMode.FollowNativePlugin, true, Readable, 12, null));

    private static IEnumerable<TestCaseData> Unreadable()
    {
        yield return new TestCaseData(new HostBuffer(false, false, 96), 12L).SetName("a symbolic tensor");
        yield return new TestCaseData(new HostBuffer(true, false, 96), 12L).SetName("no host pointer");
        yield return new TestCaseData(new HostBuffer(true, true, -1), 12L).SetName("unknown size");
        yield return new TestCaseData(new HostBuffer(true, true, int.MaxValue + 1L), 12L).SetName("over 2 GiB in");
        yield return new TestCaseData(Readable, -1L).SetName("unknown output size");
        yield return new TestCaseData(Readable, (long)Array.MaxLength + 1).SetName("output over one array");
    }

    [TestCaseSource(nameof(Unreadable))]
    public void ManagedInEager_FallsBackToTheOp_WhenTheKernelCannotBeFed(HostBuffer input, long outputBytes) =>
        Assert.That(PathSelection.Choose(TfOpsGradientMode.ManagedInEager, true, input, outputBytes, null), Is.EqualTo(GradientPath.TensorFlowOp));

    [Test]
    public void AnEmptyTensorWithoutAPointer_IsStillReadable() =>
        Assert.That(new HostBuffer(true, false, 0).IsReadableAsSpan, Is.True);

    [Test]
    public void AnUnknownMode_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PathSelection.Choose((TfOpsGradientMode)42, true, Readable, 12, null));
}
