using Tensorflow;
using Tensorflow.Exceptions;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class OptionsAndErrorsTests
{
    [Test]
    public void Options_DefaultToManagedInEager() =>
        Assert.That(new TfOpsGradientOptions().Mode, Is.EqualTo(TfOpsGradientMode.ManagedInEager));

    [Test]
    public void Options_RejectAnUndefinedModeWhereItIsSet()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TfOpsGradientOptions { Mode = (TfOpsGradientMode)7 });
        Assert.That(error!.ParamName, Is.EqualTo(nameof(TfOpsGradientOptions.Mode)));
    }

    [Test]
    public void Options_FollowNativePluginWithoutTheCallback_IsIncomplete()
    {
        var incomplete = new TfOpsGradientOptions { Mode = TfOpsGradientMode.FollowNativePlugin };
        var complete = incomplete with { IsNativePluginActive = () => true };

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => incomplete.ThrowIfIncomplete("options"))!.ParamName, Is.EqualTo("options"));
            Assert.That(complete.ThrowIfIncomplete("options"), Is.SameAs(complete));
        });
    }

    [TestCase(TfCode.InvalidArgument, typeof(InvalidArgumentError))]
    [TestCase(TfCode.OutOfRange, typeof(OutOfRangeError))]
    [TestCase(TfCode.Internal, typeof(NotOkStatusException))]
    [TestCase(TfCode.NotFound, typeof(NotOkStatusException))]
    [TestCase(TfCode.Unimplemented, typeof(NotOkStatusException))]
    public void OpErrors_MapCodesLikeTensorFlowNetMapsAStatus(TfCode code, Type expected)
    {
        var error = OpErrors.From(new TfOpsException(code, "the message"));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(expected));
            Assert.That(error.Message, Is.EqualTo("the message"));
        });
    }

    [Test]
    public void OpErrors_Guard_RethrowsOnlyKernelErrorsAsTensorFlowNetErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidArgumentError>(() => OpErrors.Guard(() => throw new TfOpsException(TfCode.InvalidArgument, "x")));
            Assert.Throws<InvalidOperationException>(() => OpErrors.Guard(() => throw new InvalidOperationException("not an op error")));
        });
    }
}
