namespace TfOps.TensorFlowNet.Planning;

/// <summary>The one place that decides, in eager mode, between the managed kernel and TensorFlow's op.</summary>
/// <remarks>Graph mode always emits TensorFlow's op: graph tensors have no values to read.</remarks>
internal static class PathSelection
{
    /// <param name="mode">The installed mode.</param>
    /// <param name="input">The incoming gradient's memory.</param>
    /// <param name="outputBytes">
    /// The result's size. A managed result is made from a byte array, which must be non-empty
    /// (TensorFlow.NET's byte[] tensor constructor pins the first element, so an empty array throws
    /// IndexOutOfRangeException) and fit one array; zero-element results come from TensorFlow's op.
    /// </param>
    /// <param name="isNativePluginActive">Asked only under <see cref="TfOpsGradientMode.FollowNativePlugin"/>.</param>
    public static GradientPath Choose(TfOpsGradientMode mode, HostBuffer input, long outputBytes, Func<bool>? isNativePluginActive)
    {
        var managedOrOp = input.IsReadableAsSpan && outputBytes > 0 && outputBytes <= Array.MaxLength
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
        (isNativePluginActive ?? throw new InvalidOperationException(TfOpsGradientOptions.MissingPluginCallback))();
}
