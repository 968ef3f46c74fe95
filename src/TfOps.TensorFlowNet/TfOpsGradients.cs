using Tensorflow;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>
/// One line at start-up routes TensorFlow.NET's bias gradients to TfOps: <c>TfOpsGradients.Install();</c>.
/// Registers gradients for "BiasAdd" (replacing TensorFlow.NET's built-in), "BiasAddV1" and
/// "BiasAddGrad" (second order, which TensorFlow.NET lacks) through <c>ops.RegisterGradientFunction</c>.
/// </summary>
/// <remarks>
/// Install and Uninstall are serialized with each other, but TensorFlow.NET reads its registry without
/// a lock: call them at start-up or between training runs, not while a backward pass is running.
/// </remarks>
public static class TfOpsGradients
{
    private static readonly Lock s_gate = new();
    private static readonly GradientInstaller<Func<Operation, Tensor[], Tensor[]>> s_installer =
        new(new TensorFlowNetRegistry(), BiasGradients.Functions);

    private static volatile TfOpsGradientOptions s_options = new();

    /// <summary>True while the TfOps gradients are installed.</summary>
    public static bool IsInstalled => s_installer.IsInstalled;

    /// <summary>The options the installed gradients use (the defaults when none were given).</summary>
    public static TfOpsGradientOptions Options => s_options;

    /// <summary>
    /// Installs the gradients, or only updates the options when already installed (idempotent).
    /// </summary>
    /// <exception cref="ArgumentException">FollowNativePlugin without <see cref="TfOpsGradientOptions.IsNativePluginActive"/>.</exception>
    public static void Install(TfOpsGradientOptions? options = null)
    {
        var validated = OptionsValidation.Validate(options);
        lock (s_gate)
        {
            s_options = validated;
            s_installer.Install();
        }
    }

    /// <summary>
    /// Restores exactly the entries that were there before Install (TensorFlow.NET's built-in BiasAdd
    /// gradient, and no entry for the other two), except where someone registered over ours since.
    /// No-op when not installed.
    /// </summary>
    public static void Uninstall()
    {
        lock (s_gate)
        {
            s_installer.Uninstall();
        }
    }
}
