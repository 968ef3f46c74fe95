namespace TfOps.TensorFlowNet;

/// <summary>Settings for <see cref="TfOpsGradients.Install"/>.</summary>
public sealed record TfOpsGradientOptions
{
    /// <summary>Where eager gradients are computed; <see cref="TfOpsGradientMode.ManagedInEager"/> by default.</summary>
    public TfOpsGradientMode Mode { get; init; } = TfOpsGradientMode.ManagedInEager;

    /// <summary>
    /// Answers whether the TfOps native kernel registration (TfOps.Native) is active, for
    /// <see cref="TfOpsGradientMode.FollowNativePlugin"/>. A callback rather than a reference to
    /// TfOps.Native keeps this package free of the native binding; it is asked on every eager gradient.
    /// </summary>
    public Func<bool>? IsNativePluginActive { get; init; }

    /// <summary>Per-call kernel settings (thread cap) for the managed path; null uses the kernel's defaults.</summary>
    public KernelOptions? Kernel { get; init; }
}
