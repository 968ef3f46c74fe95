using System.Reflection;

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

    /// <summary>
    /// The summation order is pinned across commits: the output-bit hashes of every probe case (every
    /// strategy, both formats, odd extents, seven dtypes) must equal approved/summation-order.txt. A
    /// deliberate change of order is accepted by copying the .received.txt this writes over the
    /// approved file, with a CHANGELOG entry.
    /// </summary>
    [Test]
    public void TheSummationOrderIsTheApprovedOne()
    {
        string folder = typeof(DeterminismTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ApprovedFolder").Value!;
        string approvedPath = Path.Combine(folder, "summation-order.txt");
        string received = string.Join('\n', Cases(Baseline)) + "\n";
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (received != approved)
        {
            string receivedPath = Path.Combine(folder, "summation-order.received.txt");
            File.WriteAllText(receivedPath, received);
            int changed = received.Split('\n').Except(approved.Split('\n')).Count();
            Assert.Fail($"{changed} output hashes differ from the approved summation order. Review {receivedPath}; " +
                        $"if the change of order is intended, copy it over {approvedPath} and say so in CHANGELOG.md.");
        }
    }

    [Test]
    public void ThreadCapComesFromTheEnvironment()
    {
        string[] lines = ProbeRunner.Run(new Dictionary<string, string> { ["TFOPS_NUM_THREADS"] = "3" }, "--settings-only");
        Assert.That(lines, Does.Contain("default-max-threads 3"));
    }
}
