using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests.Planning;

public sealed class OptionsAndErrorsTests
{
    [Test]
    public void Validate_DefaultsToManagedInEager() =>
        Assert.That(OptionsValidation.Validate(null).Mode, Is.EqualTo(TfOpsGradientMode.ManagedInEager));

    [Test]
    public void Validate_FollowNativePluginNeedsTheCallback()
    {
        Assert.Throws<ArgumentException>(() => OptionsValidation.Validate(new TfOpsGradientOptions { Mode = TfOpsGradientMode.FollowNativePlugin }));
        Assert.DoesNotThrow(() => OptionsValidation.Validate(new TfOpsGradientOptions { Mode = TfOpsGradientMode.FollowNativePlugin, IsNativePluginActive = () => true }));
    }

    [Test]
    public void Validate_RejectsAnUndefinedMode() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OptionsValidation.Validate(new TfOpsGradientOptions { Mode = (TfOpsGradientMode)7 }));

    [Test]
    public void ErrorMapping_FollowsTensorFlowNetsStatusRule()
    {
        foreach (var code in Enum.GetValues<TfCode>())
        {
            var expected = code switch
            {
                TfCode.InvalidArgument => OpErrorKind.InvalidArgument,
                TfCode.OutOfRange => OpErrorKind.OutOfRange,
                _ => OpErrorKind.NotOkStatus,
            };
            Assert.That(ErrorMapping.KindOf(code), Is.EqualTo(expected), code.ToString());
        }
    }
}
