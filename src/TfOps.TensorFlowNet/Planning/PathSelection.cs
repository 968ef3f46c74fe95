namespace TfOps.TensorFlowNet.Planning;

/// <summary>The one place that decides between the managed kernel and TensorFlow's op.</summary>
internal static class PathSelection
{
    /// <param name="mode">The installed mode.</param>
    /// <param name="executingEagerly">Graph tensors are symbolic, so graph mode always needs an op.</param>
    /// <param name="input">The incoming gradient's memory.</param>
    /// <param name="outputBytes">The result's size; a managed result must fit one byte array.</param>
    /// <param name="isNativePluginActive">Asked only in eager mode under <see cref="TfOpsGradientMode.FollowNativePlugin"/>.</param>
    public static GradientPath Choose(
        TfOpsGradientMode mode,
        bool executingEagerly,
        HostBuffer input,
        long outputBytes,
        Func<bool>? isNativePluginActive)
    {
        if (!executingEagerly)
        {
            return GradientPath.TensorFlowOp;
        }

        var managedOrOp = input.IsReadableAsSpan && outputBytes >= 0 && outputBytes <= Array.MaxLength
            ? GradientPath.ManagedKernel
            : GradientPath.TensorFlowOp;
        return mode switch
        {
            TfOpsGradientMode.ManagedInEager => managedOrOp,
            TfOpsGradientMode.TensorFlowKernel => GradientPath.TensorFlowOp,
            TfOpsGradientMode.FollowNativePlugin => PluginActive(isNativePluginActive) ? GradientPath.TensorFlowOp : managedOrOp,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown gradient mode"),
        };
    }

    private static bool PluginActive(Func<bool>? isNativePluginActive) =>
        (isNativePluginActive ?? throw new InvalidOperationException(OptionsValidation.MissingPluginCallback))();
}
