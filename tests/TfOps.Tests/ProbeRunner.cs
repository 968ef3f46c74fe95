using System.Diagnostics;

namespace TfOps.Tests;

/// <summary>Starts the determinism probe (built by the project reference) in a child process with chosen environment variables.</summary>
internal static class ProbeRunner
{
    private static readonly string[] s_switches =
        ["DOTNET_PROCESSOR_COUNT", "DOTNET_EnableAVX512", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic", "TFOPS_NUM_THREADS", "DOTNET_PreferredVectorBitWidth"];

    /// <summary>
    /// The probe's dll. It sits in the sibling output folder, whichever layout built it: the same path
    /// with the project name swapped (bin/TfOps.Tests/debug with --artifacts-path, or
    /// tests/TfOps.Tests/bin/Debug/net10.0 without). TFOPS_PROBE overrides.
    /// </summary>
    public static string ProbePath()
    {
        if (Environment.GetEnvironmentVariable("TFOPS_PROBE") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }

        string here = AppContext.BaseDirectory;
        string candidate = Path.Combine(here.Replace("TfOps.Tests", "TfOps.DeterminismProbe", StringComparison.Ordinal), "TfOps.DeterminismProbe.dll");
        if (File.Exists(candidate))
        {
            return candidate;
        }

        Assert.Fail($"determinism probe not found at {candidate} (build tests/TfOps.DeterminismProbe or set TFOPS_PROBE)");
        return "";
    }

    public static string[] Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProbePath());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in s_switches)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            Assert.Fail("determinism probe timed out");
        }

        Assert.That(process.ExitCode, Is.Zero, $"probe failed: {stderr.Result}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
