using NJsonSchema;

namespace TfOps.Parity.Tests;

[TestFixture]
public class SchemaTests
{
    [Test]
    public void EmbeddedSchemaIsTheCommittedFile() =>
        Assert.That(GoldenSchema.Text, Is.EqualTo(File.ReadAllText(Path.Combine(Fixtures.Shipped, "tfops-golden-1.schema.json"))));

    [Test]
    public async Task CommittedManifestMatchesTheSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Fixtures.Shipped, "tfops-golden-1.schema.json"));
        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(Fixtures.Shipped, "manifest.json")));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void CommittedManifestSaysWhoProducedIt()
    {
        var manifest = ManifestLoader.Load(Fixtures.Shipped);
        Assert.That(manifest.ProducerBackend, Is.EqualTo("numpy"));
        Assert.That(manifest.ProducerVersion, Does.Match(@"^\d+\.\d+"));
        Assert.That(manifest.Entries.Where(e => e.Problem is not null), Is.Empty);
    }

    [Test]
    public void ErrorCasesCoverTensorFlowsValidationOrder()
    {
        var errors = ManifestLoader.Load(Fixtures.Shipped).Entries.Select(e => e.Case!).Where(c => c.Error is not null).ToDictionary(c => c.Id);
        Assert.Multiple(() =>
        {
            Assert.That(errors["float32/NHWC/rank0"].Error!.Message, Is.EqualTo("Input tensor must be at least 2D: []"));
            Assert.That(errors["float32/NCDHW/rank1"].Error!.Message, Does.StartWith("Value for attr 'data_format' of \"NCDHW\""));
            Assert.That(errors["bool/NCDHW/3x2"].Error!.Message, Does.StartWith("Value for attr 'T' of bool"));
        });
    }
}
