using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TfOps.Cli;

/// <summary>
/// `tfops --version`: the tool's version plus what the runtime offers the kernel, because which
/// vector path runs (512/256/128-bit or scalar) is the first question in any performance report.
/// Results do not depend on it: the kernel's summation order is fixed on a logical layout.
/// </summary>
internal static class VersionReport
{
    public static void ReplaceVersionAction(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintAction();
            }
        }
    }

    /// <summary>The tool's version, without the source revision.</summary>
    public static string ToolVersion()
    {
        var assembly = typeof(VersionReport).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }

    /// <summary>The widest vector path the kernel takes on this machine.</summary>
    public static string WidestPath() =>
        Vector512.IsHardwareAccelerated ? "512-bit vectors"
        : Vector256.IsHardwareAccelerated ? "256-bit vectors"
        : Vector128.IsHardwareAccelerated ? "128-bit vectors"
        : "scalar";

    public static string Text()
    {
        return string.Join(Environment.NewLine,
            $"tfops {ToolVersion()}",
            $"runtime: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier} ({RuntimeInformation.ProcessArchitecture})",
            $"cores: {Environment.ProcessorCount}; kernel thread cap: {KernelOptions.DefaultMaxThreads} (TFOPS_NUM_THREADS)",
            $"vector paths: Vector512 {Accelerated(Vector512.IsHardwareAccelerated)}, Vector256 {Accelerated(Vector256.IsHardwareAccelerated)}, Vector128 {Accelerated(Vector128.IsHardwareAccelerated)}",
            $"kernel path on this machine: {WidestPath()}");
    }

    private static string Accelerated(bool accelerated) => accelerated ? "yes" : "no";

    private sealed class PrintAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text());
            return 0;
        }
    }
}
