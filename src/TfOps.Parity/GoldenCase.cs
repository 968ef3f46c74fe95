using System.Text.Json.Serialization;

namespace TfOps.Parity;

/// <summary>One case of a <c>tfops-golden/1</c> manifest (field names as the contract spells them).</summary>
public sealed record GoldenCase
{
    /// <summary>Unique name, by convention <c>dtype/data_format/shape</c>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>BiasAddGrad</c>.</summary>
    [JsonPropertyName("op")] public required string Op { get; init; }

    /// <summary>TensorFlow's <c>DType.name</c>.</summary>
    [JsonPropertyName("dtype")] public required string Dtype { get; init; }

    /// <summary>NHWC or NCHW; any string in error cases.</summary>
    [JsonPropertyName("data_format")] public required string DataFormat { get; init; }

    /// <summary>The input's shape.</summary>
    [JsonPropertyName("shape")] public required long[] Shape { get; init; }

    /// <summary>Input .npy path, relative to the manifest's folder.</summary>
    [JsonPropertyName("input")] public required string Input { get; init; }

    /// <summary>Expected output .npy path, or null for an error case.</summary>
    [JsonPropertyName("expected")] public string? Expected { get; init; }

    /// <summary>Comparison tolerance; null means exact.</summary>
    [JsonPropertyName("tolerance")] public GoldenTolerance? Tolerance { get; init; }

    /// <summary>The error the op must raise, or null for a value case.</summary>
    [JsonPropertyName("error")] public GoldenError? Error { get; init; }

    /// <summary>Who produced the expectation when it was not the manifest's producer.</summary>
    [JsonPropertyName("expected_source")] public string? ExpectedSource { get; init; }

    /// <summary>Free text shown in reports.</summary>
    [JsonPropertyName("note")] public string? Note { get; init; }

    /// <summary>The PCG64 seed the input was drawn with (optional).</summary>
    [JsonPropertyName("seed")] public long? Seed { get; init; }

    /// <summary>What the input holds: random, whole, nonfinite, signedzero, wrap, empty or error (optional).</summary>
    [JsonPropertyName("values")] public string? Values { get; init; }

    /// <summary>The shape as the test names print it, e.g. <c>2x3x4x2</c> or <c>[]</c>.</summary>
    public string ShapeText => Shape.Length == 0 ? "[]" : string.Join("x", Shape);
}

/// <summary>|actual - expected| &lt;= atol + rtol * |expected|, per element (per component for complex).</summary>
public sealed record GoldenTolerance(
    [property: JsonPropertyName("rtol")] double Rtol,
    [property: JsonPropertyName("atol")] double Atol)
{
    /// <summary>Exact comparison.</summary>
    public static GoldenTolerance Exact { get; } = new(0, 0);
}

/// <summary>An expected failure: the TF_Code name and a substring of the message.</summary>
public sealed record GoldenError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
