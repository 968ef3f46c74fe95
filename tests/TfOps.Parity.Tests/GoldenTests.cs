namespace TfOps.Parity.Tests;

/// <summary>
/// One NUnit case per case of the committed manifest (or of <c>TFOPS_GOLDEN_DIR</c>'s), named by its id
/// (dtype/data_format/shape).
/// </summary>
[TestFixture]
public class GoldenTests
{
    private static GoldenManifest? _manifest;
    private static string? _manifestProblem;

    public static IEnumerable<TestCaseData> Cases()
    {
        try
        {
            _manifest = ManifestLoader.Load(Fixtures.Golden);
        }
        catch (ManifestException e)
        {
            _manifestProblem = e.Message;
        }

        if (_manifest is null)
        {
            yield return new TestCaseData(-1).SetName("manifest");
            yield break;
        }

        foreach (var entry in _manifest.Entries)
        {
            var data = new TestCaseData(entry.Index).SetName(entry.Id);
            if (entry.Case is { } golden)
            {
                data.SetCategory(golden.Dtype).SetCategory(golden.DataFormat);
            }

            yield return data;
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Golden(int index)
    {
        Assert.That(_manifestProblem, Is.Null, "the committed manifest is unusable");
        var result = CaseGrader.Grade(_manifest!, _manifest!.Entries[index]);
        Assert.That(result.Passed, Is.True, result.Reason);
    }

    [Test]
    public void EveryDtypeAndFormatHasValueCases()
    {
        var manifest = ManifestLoader.Load(Fixtures.Shipped);
        var pairs = manifest.Entries.Select(e => e.Case!).Where(c => c.Expected is not null)
            .Select(c => (c.Dtype, c.DataFormat)).ToHashSet();
        foreach (var dtype in TfDataTypes.BiasAddGradTypes)
        {
            foreach (var format in new[] { "NHWC", "NCHW" })
            {
                Assert.That(pairs, Does.Contain((TfDataTypes.PythonName(dtype), format)));
            }
        }
    }
}
