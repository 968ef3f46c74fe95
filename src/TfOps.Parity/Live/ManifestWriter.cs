using System.Text;
using System.Text.Json;

namespace TfOps.Parity;

/// <summary>
/// Writes a <c>tfops-golden/1</c> manifest the way compat-fixtures/export_golden.py lays it out:
/// strict JSON (no NaN or Infinity), keys in a fixed order, one case per line.
/// </summary>
public static class ManifestWriter
{
    // Compact (one line per case); quotes in TensorFlow's messages stay readable instead of \u0027.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="cases"/> with the producer to <paramref name="path"/>.</summary>
    public static void Write(string path, string producerBackend, string producerVersion, IReadOnlyList<GoldenCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var text = new StringBuilder();
        text.Append("{\n \"format\": ").Append(JsonSerializer.Serialize(ManifestLoader.Format)).Append(",\n");
        text.Append(" \"producer\": {\"backend\": ").Append(JsonSerializer.Serialize(producerBackend))
            .Append(", \"version\": ").Append(JsonSerializer.Serialize(producerVersion)).Append("},\n");
        text.Append(" \"cases\": [\n");
        for (int i = 0; i < cases.Count; i++)
        {
            text.Append("  ").Append(CaseLine(cases[i])).Append(i < cases.Count - 1 ? ",\n" : "\n");
        }

        text.Append(" ]\n}\n");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string CaseLine(GoldenCase golden)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", golden.Id);
            json.WriteString("op", golden.Op);
            json.WriteString("dtype", golden.Dtype);
            json.WriteString("data_format", golden.DataFormat);
            json.WriteStartArray("shape");
            foreach (long dim in golden.Shape)
            {
                json.WriteNumberValue(dim);
            }

            json.WriteEndArray();
            if (golden.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }

            WriteIfSet(json, "values", golden.Values);
            json.WriteString("input", golden.Input);
            WriteIfSet(json, "expected", golden.Expected);
            if (golden.Tolerance is { } tolerance)
            {
                json.WriteStartObject("tolerance");
                json.WriteNumber("rtol", Finite(tolerance.Rtol));
                json.WriteNumber("atol", Finite(tolerance.Atol));
                json.WriteEndObject();
            }

            if (golden.Error is { } error)
            {
                json.WriteStartObject("error");
                json.WriteString("code", error.Code);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            WriteIfSet(json, "expected_source", golden.ExpectedSource);
            WriteIfSet(json, "note", golden.Note);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new ArgumentException("a tolerance must be finite: the manifest is strict JSON");
}
