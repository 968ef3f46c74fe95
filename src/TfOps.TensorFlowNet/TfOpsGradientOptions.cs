namespace TfOps.TensorFlowNet;

/// <summary>Settings for <see cref="TfOpsGradients.Install"/>.</summary>
/// <remarks>
/// An undefined <see cref="Mode"/> is rejected where it is set (<see cref="ArgumentOutOfRangeException"/>);
/// the one combination rule (FollowNativePlugin needs <see cref="IsNativePluginActive"/>) is checked by
/// Install (<see cref="ArgumentException"/>).
/// </remarks>
public sealed record TfOpsGradientOptions
{
    internal const string MissingPluginCallback =
        "TfOpsGradientMode.FollowNativePlugin needs TfOpsGradientOptions.IsNativePluginActive";

    private readonly TfOpsGradientMode _mode = TfOpsGradientMode.ManagedInEager;

    /// <summary>Where eager gradients are computed; <see cref="TfOpsGradientMode.ManagedInEager"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value that is not a defined <see cref="TfOpsGradientMode"/>.</exception>
    public TfOpsGradientMode Mode
    {
        get => _mode;
        init => _mode = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Mode), value, "Unknown TfOpsGradientMode");
    }

    /// <summary>
    /// Answers whether the TfOps native kernel registration (TfOps.Native) is active, for
    /// <see cref="TfOpsGradientMode.FollowNativePlugin"/>. A callback rather than a reference to
    /// TfOps.Native keeps this package free of the native binding; it is asked on every eager gradient.
    /// </summary>
    public Func<bool>? IsNativePluginActive { get; init; }

    /// <summary>Per-call kernel settings (thread cap) for the managed path; null uses the kernel's defaults.</summary>
    public KernelOptions? Kernel { get; init; }

    /// <exception cref="ArgumentException">FollowNativePlugin without <see cref="IsNativePluginActive"/>.</exception>
    internal TfOpsGradientOptions ThrowIfIncomplete(string parameterName) =>
        Mode == TfOpsGradientMode.FollowNativePlugin && IsNativePluginActive is null
            ? throw new ArgumentException(MissingPluginCallback, parameterName)
            : this;
}
