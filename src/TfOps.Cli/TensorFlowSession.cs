using TfOps.Native;
using TfOps.Parity;

namespace TfOps.Cli;

/// <summary>
/// The TensorFlow a <c>--tensorflow</c> run uses: TensorFlow's own kernel through the eager C API and,
/// with <c>--plugin</c>, TfOps's plugin registered in that same TensorFlow under the label
/// <see cref="PluginLabel"/> (once per process: the CLI is a fresh process). Disposing it deletes the
/// eager context; the plugin's registration lasts as long as the process, as TensorFlow's do.
/// </summary>
internal sealed class TensorFlowSession : IDisposable
{
    /// <summary>The kernel label the plugin is registered with and selected by (the op's <c>_kernel</c> attr).</summary>
    public const string PluginLabel = "tfops";

    private TensorFlowSession(TensorFlowReference reference, TensorFlowKernelRegistration? plugin)
    {
        Reference = reference;
        Plugin = plugin;
        BuiltIn = new Kernel(reference, null);
        InsideTensorFlow = plugin is null ? null : new Kernel(reference, PluginLabel);
    }

    public TensorFlowReference Reference { get; }

    public TensorFlowKernelRegistration? Plugin { get; }

    /// <summary>TensorFlow's built-in BiasAddGrad.</summary>
    public IReferenceKernel BuiltIn { get; }

    /// <summary>TfOps's plugin, run by TensorFlow's executor; null without <c>--plugin</c>.</summary>
    public IReferenceKernel? InsideTensorFlow { get; }

    public LiveReference Description => new(Reference.LibraryPath, Reference.Version, Plugin is not null);

    /// <summary>Loads TensorFlow (see <see cref="TensorFlowReference.Open"/>) and, when asked, registers the plugin into it.</summary>
    /// <exception cref="TfOpsException">NotFound when no library exports the eager C API; the plugin's registration errors.</exception>
    public static TensorFlowSession Open(string? library, bool withPlugin)
    {
        TensorFlowReference reference = TensorFlowReference.Open(library);
        try
        {
            TensorFlowKernelRegistration? plugin = withPlugin
                ? TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { Label = PluginLabel, LibraryPath = reference.LibraryPath })
                : null;
            return new TensorFlowSession(reference, plugin);
        }
        catch
        {
            reference.Dispose();
            throw;
        }
    }

    public void Dispose() => Reference.Dispose();

    /// <summary>One kernel of that TensorFlow: its built-in one (no label), or the one registered with a label.</summary>
    private sealed class Kernel(TensorFlowReference reference, string? label) : IReferenceKernel
    {
        public ReferenceOutcome Run(GoldenDtype dtype, string dataFormat, IReadOnlyList<long> shape, byte[] input)
        {
            TensorFlowTensor output;
            try
            {
                output = label is null
                    ? reference.BiasAddGrad(dtype.DataType, [.. shape], dataFormat, input)
                    : reference.BiasAddGradWithKernelLabel(label, dtype.DataType, [.. shape], dataFormat, input);
            }
            catch (TfOpsException e)
            {
                return ReferenceOutcome.Failure(e.Code, e.Message);
            }

            return output.DataType == dtype.DataType
                ? ReferenceOutcome.Value(output.Shape, output.Data.ToArray())
                : throw new InvalidOperationException(
                    $"TensorFlow returned a {TfDataTypes.CppName(output.DataType)} tensor for a {TfDataTypes.CppName(dtype.DataType)} input");
        }
    }
}
