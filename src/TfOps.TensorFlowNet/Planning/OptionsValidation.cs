namespace TfOps.TensorFlowNet.Planning;

/// <summary>Rejects option combinations at Install time rather than in the middle of a backward pass.</summary>
internal static class OptionsValidation
{
    public const string MissingPluginCallback =
        "TfOpsGradientMode.FollowNativePlugin needs TfOpsGradientOptions.IsNativePluginActive";

    public static TfOpsGradientOptions Validate(TfOpsGradientOptions? options)
    {
        var result = options ?? new TfOpsGradientOptions();
        if (!Enum.IsDefined(result.Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(options), result.Mode, "Unknown TfOpsGradientMode");
        }

        if (result.Mode == TfOpsGradientMode.FollowNativePlugin && result.IsNativePluginActive is null)
        {
            throw new ArgumentException(MissingPluginCallback, nameof(options));
        }

        return result;
    }
}
