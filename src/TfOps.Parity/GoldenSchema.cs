using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;

namespace TfOps.Parity;

/// <summary>The <c>tfops-golden/1</c> JSON Schema (compat-fixtures/tfops-golden-1.schema.json, embedded) and NJsonSchema's check against it.</summary>
public static partial class GoldenSchema
{
    /// <summary>The schema's text.</summary>
    public static string Text { get; } = ReadText();

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(Text).GetAwaiter().GetResult());

    /// <summary>
    /// Validates manifest JSON. Returns the problems outside any case (the manifest is unusable when
    /// there are any) and, per case index, the problems of that case.
    /// </summary>
    public static (IReadOnlyList<string> Manifest, IReadOnlyDictionary<int, List<string>> Cases) Validate(string json)
    {
        var manifest = new List<string>();
        var cases = new Dictionary<int, List<string>>();
        foreach (var error in Leaves(Schema.Value.Validate(json)))
        {
            string text = Describe(error);
            var match = CasePath().Match(error.Path ?? "");
            if (match.Success)
            {
                int index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!cases.TryGetValue(index, out var list))
                {
                    cases[index] = list = [];
                }

                list.Add(text);
            }
            else
            {
                manifest.Add(text);
            }
        }

        return (manifest, cases);
    }

    // NJsonSchema wraps what a $ref'd schema found in a ChildSchemaValidationError; the leaves say
    // what is wrong. A failed oneOf is reported as itself: its branches' errors would only confuse.
    private static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind != ValidationErrorKind.NotOneOf && child.Errors.Count > 0)
            {
                foreach (var leaf in Leaves(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        string where = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        string what = error.Kind switch
        {
            ValidationErrorKind.NotOneOf => "must carry exactly one of 'expected' and 'error'",
            ValidationErrorKind.PropertyRequired => $"missing required '{error.Property}'",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unexpected property '{error.Property}'",
            _ => error.Kind.ToString(),
        };
        return $"{where}: {what}";
    }

    private static string ReadText()
    {
        using var stream = typeof(GoldenSchema).Assembly.GetManifestResourceStream("tfops-golden-1.schema.json")
            ?? throw new InvalidOperationException("the tfops-golden/1 schema is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^#/cases\[(\d+)\]")]
    private static partial Regex CasePath();
}
