using System.Text.Json;

namespace TfOps.Parity;

/// <summary>
/// Loads <c>manifest.json</c> with System.Text.Json after checking it against the tfops-golden/1
/// schema. Problems of one case make that case fail; only a missing, unparsable or wrongly shaped
/// manifest is a <see cref="ManifestException"/>.
/// </summary>
public static class ManifestLoader
{
    /// <summary>The format this reader implements.</summary>
    public const string Format = "tfops-golden/1";

    /// <summary>Loads the manifest in <paramref name="directory"/>.</summary>
    public static GoldenManifest Load(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ManifestException(e is FileNotFoundException or DirectoryNotFoundException
                ? $"no manifest at {path}"
                : $"cannot read {path}: {e.Message}", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ManifestException($"{path} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
            {
                throw new ManifestException($"{path} has no \"format\": expected \"{Format}\"");
            }

            if (format.GetString() != Format)
            {
                throw new ManifestException($"{path} is format \"{format.GetString()}\"; this reader implements \"{Format}\"");
            }

            var (manifestProblems, caseProblems) = GoldenSchema.Validate(json);
            if (manifestProblems.Count > 0)
            {
                throw new ManifestException($"{path} does not match the {Format} schema: {string.Join("; ", manifestProblems)}");
            }

            var producer = root.GetProperty("producer");
            var entries = ReadCases(root.GetProperty("cases"), caseProblems);
            return new GoldenManifest(Path.GetFullPath(directory), Format,
                producer.GetProperty("backend").GetString()!, producer.GetProperty("version").GetString()!, entries);
        }
    }

    private static List<GoldenEntry> ReadCases(JsonElement cases, IReadOnlyDictionary<int, List<string>> problems)
    {
        var entries = new List<GoldenEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var element in cases.EnumerateArray())
        {
            string id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement)
                        && idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } name
                ? name
                : $"cases[{index}]";
            if (problems.TryGetValue(index, out var list))
            {
                entries.Add(new GoldenEntry(index, id, null, "manifest: " + string.Join("; ", list), Text(element, "dtype"), Text(element, "data_format")));
            }
            else if (!seen.Add(id))
            {
                entries.Add(new GoldenEntry(index, id, null, $"manifest: duplicate id \"{id}\"", Text(element, "dtype"), Text(element, "data_format")));
            }
            else
            {
                entries.Add(Deserialize(index, id, element));
            }

            index++;
        }

        return entries;
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? "?"
            : "?";

    private static GoldenEntry Deserialize(int index, string id, JsonElement element)
    {
        try
        {
            var golden = element.Deserialize<GoldenCase>();
            return golden is null
                ? new GoldenEntry(index, id, null, "manifest: the case is null")
                : new GoldenEntry(index, id, golden, null, golden.Dtype, golden.DataFormat);
        }
        catch (JsonException e)
        {
            return new GoldenEntry(index, id, null, $"manifest: {e.Message}", Text(element, "dtype"), Text(element, "data_format"));
        }
    }
}
