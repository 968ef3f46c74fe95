using System.Reflection;
using PublicApiGenerator;

namespace TfOps.PublicApi.Tests;

/// <summary>
/// Each shipped library's public API, as PublicApiGenerator prints it, must equal the approved text
/// committed in approved/. A difference fails with the path of the received text to review.
/// </summary>
public class PublicApiApprovalTests
{
    private static readonly string ApprovedFolder = FindApprovedFolder();

    public static IEnumerable<TestCaseData> Libraries()
    {
        yield return new TestCaseData("TfOps").SetName("Public API of TfOps");
        yield return new TestCaseData("TfOps.NumSharp").SetName("Public API of TfOps.NumSharp");
        yield return new TestCaseData("TfOps.Native").SetName("Public API of TfOps.Native");
        yield return new TestCaseData("TfOps.TensorFlowNet").SetName("Public API of TfOps.TensorFlowNet");
    }

    [TestCaseSource(nameof(Libraries))]
    public void PublicApiMatchesTheApprovedText(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        string received = Normalize(assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        string approvedPath = Path.Combine(ApprovedFolder, assemblyName + ".txt");
        string approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";
        if (received != approved)
        {
            string receivedPath = Path.Combine(ApprovedFolder, assemblyName + ".received.txt");
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The public API of {assemblyName} changed. Review {receivedPath}; if the change is intended, " +
                        $"copy it over {approvedPath} (and note breaking changes in CHANGELOG.md).");
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    private static string FindApprovedFolder() =>
        typeof(PublicApiApprovalTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ApprovedFolder").Value!;
}
