namespace TfOps.Tests;

/// <summary>
/// Result bits must not depend on the thread count or the SIMD width. The kernel runs in child
/// processes under .NET 10's switches (DOTNET_ProcessorCount and DOTNET_EnableAVX512F do nothing on
/// .NET 10, so they are not used) and every case's output hash must match an unrestricted run.
/// </summary>
[NonParallelizable]
public class DeterminismTests
{
    private static string[]? s_baseline;

    private static string[] Baseline => s_baseline ??= ProbeRunner.Run(new Dictionary<string, string>());

    private static string[] Cases(string[] lines) => [.. lines.Where(l => !l.StartsWith('#') && !l.StartsWith("default-max-threads", StringComparison.Ordinal))];

    [TestCase("DOTNET_PROCESSOR_COUNT", "1", "processors=1")]
    [TestCase("DOTNET_EnableAVX512", "0", "v512=False")]
    [TestCase("DOTNET_EnableAVX2", "0", "v256=False")]
    [TestCase("DOTNET_EnableHWIntrinsic", "0", "v128=False")]
    public void SameBitsUnderSwitch(string name, string value, string effect)
    {
        string[] restricted = ProbeRunner.Run(new Dictionary<string, string> { [name] = value });

        // The switch must really have taken effect, or the comparison proves nothing.
        Assert.That(restricted[0], Does.Contain(effect));
        Assert.That(Cases(restricted), Is.EqualTo(Cases(Baseline)));
    }

    [Test]
    public void CappedAndUncappedRunsAgreeWithinTheBaseline()
    {
        string[] cases = Cases(Baseline);
        Assert.That(cases, Has.Length.GreaterThan(100));
        var byCase = cases.Select(l => l.Split(' ')).GroupBy(p => string.Join(' ', p[..4]));
        foreach (var group in byCase)
        {
            Assert.That(group.Select(p => p[^1]).Distinct().Count(), Is.EqualTo(1), group.Key);
        }
    }

    [Test]
    public void ThreadCapComesFromTheEnvironment()
    {
        string[] lines = ProbeRunner.Run(new Dictionary<string, string> { ["TFOPS_NUM_THREADS"] = "3" }, "--settings-only");
        Assert.That(lines, Does.Contain("default-max-threads 3"));
    }
}
