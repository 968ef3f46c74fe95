using System.Text.Json.Nodes;

namespace TfOps.Parity.Tests;

/// <summary>Builds a fixture folder in the temp dir from cases of the committed set, edited to be broken.</summary>
internal sealed class FixtureBuilder
{
    private static readonly Lazy<JsonArray> ShippedCases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Shipped, "manifest.json")))!["cases"]!.AsArray());

    private readonly JsonArray _cases = [];

    public string Dir { get; } = Fixtures.TempDir();

    /// <summary>Copies a committed case (manifest entry and its files); <paramref name="edit"/> may break it.</summary>
    public FixtureBuilder Copy(string id, Action<JsonObject, string>? edit = null)
    {
        var node = ShippedCases.Value.Single(c => (string?)c!["id"] == id)!.DeepClone().AsObject();
        foreach (var key in new[] { "input", "expected" })
        {
            if (node[key] is { } relative)
            {
                string target = Path.Combine(Dir, (string)relative!);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(Fixtures.Shipped, (string)relative!), target, overwrite: true);
            }
        }

        edit?.Invoke(node, Dir);
        _cases.Add(node);
        return this;
    }

    /// <summary>Adds any JSON as a case.</summary>
    public FixtureBuilder Raw(JsonNode? node)
    {
        _cases.Add(node);
        return this;
    }

    /// <summary>Writes manifest.json and returns the folder.</summary>
    public string Write()
    {
        var manifest = new JsonObject
        {
            ["format"] = "tfops-golden/1",
            ["producer"] = new JsonObject { ["backend"] = "numpy", ["version"] = "test" },
            ["cases"] = _cases.DeepClone(),
        };
        File.WriteAllText(Path.Combine(Dir, "manifest.json"), manifest.ToJsonString());
        return Dir;
    }

    public static string PathOf(JsonObject node, string dir, string key) => Path.Combine(dir, (string)node[key]!);
}
