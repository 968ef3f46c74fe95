using Tensorflow;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>
/// One line at start-up routes TensorFlow.NET's bias gradients to TfOps: <c>TfOpsGradients.Install();</c>.
/// Registers gradients for "BiasAdd" (replacing TensorFlow.NET's built-in), "BiasAddV1" and
/// "BiasAddGrad" (second order, which TensorFlow.NET lacks) through <c>ops.RegisterGradientFunction</c>.
/// </summary>
/// <remarks>
/// Install and Uninstall are serialized with each other by one lock, but TensorFlow.NET reads its
/// registry without a lock: call them at start-up or between training runs, not while a backward pass
/// is running.
/// </remarks>
public static class TfOpsGradients
{
    // The one lock: it guards the registry entries (through the installer) and the options together.
    private static readonly Lock s_gate = new();
    private static readonly GradientInstaller<Func<Operation, Tensor[], Tensor[]>> s_installer =
        new(new TensorFlowNetRegistry(), BiasGradients.Functions);

    // Read by every gradient without the lock: a reference swap is atomic and volatile makes it visible.
    private static volatile TfOpsGradientOptions s_options = new();

    /// <summary>True while the TfOps gradients are installed.</summary>
    public static bool IsInstalled
    {
        get
        {
            lock (s_gate)
            {
                return s_installer.IsInstalled;
            }
        }
    }

    /// <summary>The options the installed gradients use (the defaults when none were given).</summary>
    public static TfOpsGradientOptions Options => s_options;

    /// <summary>
    /// Installs the gradients, or only updates the options when already installed (idempotent).
    /// </summary>
    /// <exception cref="ArgumentException">FollowNativePlugin without <see cref="TfOpsGradientOptions.IsNativePluginActive"/>.</exception>
    public static void Install(TfOpsGradientOptions? options = null)
    {
        var checkedOptions = (options ?? new TfOpsGradientOptions()).ThrowIfIncomplete(nameof(options));
        lock (s_gate)
        {
            s_options = checkedOptions;
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
