namespace TfOps.Parity;

/// <summary>
/// Grades one manifest case against TensorFlow itself: the case's input runs through TensorFlow's
/// kernel, through TfOps's managed kernel and, optionally, through TfOps's plugin inside TensorFlow.
/// The manifest's expected values and tolerance play no part, except for the quantized dtypes.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>TensorFlow computed a value: TfOps must compute one within <see cref="TensorFlowTolerance"/>.</item>
/// <item>TensorFlow failed: TfOps must fail with the same code and the same core message.</item>
/// <item>Quantized dtypes: TensorFlow has no kernel, so its NotFound is expected and reported as the
/// documented divergence, and TfOps is graded against the manifest's expected values (the wrap-around
/// sum). The case passes when both hold.</item>
/// <item>The plugin must do what TensorFlow did (for quantized dtypes, what the manifest expects) and
/// produce the managed kernel's exact bits: it is the same kernel, reached through TensorFlow.</item>
/// </list>
/// Nothing throws: every problem becomes a failed case with a reason.
/// </remarks>
public static class LiveCaseGrader
{
    /// <summary>Grades <paramref name="entry"/>; <paramref name="tensorflowVersion"/> goes into the quantized cases' note.</summary>
    public static CaseResult Grade(GoldenManifest manifest, GoldenEntry entry, IReferenceKernel tensorflow, IReferenceKernel? plugin, string tensorflowVersion)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tensorflow);
        if (entry.Case is not { } golden)
        {
            return new CaseResult(entry.Id, entry.Dtype, entry.DataFormat, "?", false, entry.Problem ?? "unreadable case", null, null, "?", null);
        }

        try
        {
            return Grade(manifest, golden, tensorflow, plugin, tensorflowVersion);
        }
#pragma warning disable CA1031 // a case must never end the run: any failure, native ones included, is this case's reason
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(golden, $"unexpected {e.GetType().Name}: {e.Message}", plugin is null ? null : new PluginResult(false, "not run", null, null));
        }
    }

    private static CaseResult Grade(GoldenManifest manifest, GoldenCase golden, IReferenceKernel tensorflow, IReferenceKernel? plugin, string version)
    {
        if (CaseInput.TryRead(manifest, golden, out string? problem) is not { } read)
        {
            return Fail(golden, problem!, plugin is null ? null : new PluginResult(false, "not run", null, null));
        }

        GoldenDtype dtype = read.Dtype;
        byte[] input = read.Input.Data;
        ReferenceOutcome tf = tensorflow.Run(dtype, golden.DataFormat, golden.Shape, input);
        ReferenceOutcome managed = RunManaged(dtype, golden.DataFormat, golden.Shape, input);
        ReferenceOutcome? inside = plugin?.Run(dtype, golden.DataFormat, golden.Shape, input);

        Verdict verdict;
        PluginResult? pluginResult = null;
        string? note = null;
        if (TfDataTypes.IsQuantized(dtype.DataType))
        {
            byte[] expected = ReadExpected(manifest, golden, dtype);
            verdict = Quantized(tf, managed, expected, dtype);
            note = $"TensorFlow {version} has no kernel: {tf}; the documented divergence: TfOps's wrap-around sum is graded against the manifest";
            if (inside is not null)
            {
                Verdict alone = Against(ReferenceOutcome.Value([expected.Length / dtype.ElementSize], expected), inside, dtype, null, "the plugin", "the manifest");
                pluginResult = WithManagedBits(alone, inside, managed);
            }
        }
        else
        {
            GoldenTolerance? tolerance = DataFormats.TryParse(golden.DataFormat, out DataFormat format)
                ? TensorFlowTolerance.For(dtype, format, golden.Shape, input, golden.Values)
                : GoldenTolerance.Exact;
            verdict = Against(tf, managed, dtype, tolerance, "TfOps", "TensorFlow");
            if (inside is not null)
            {
                pluginResult = WithManagedBits(Against(tf, inside, dtype, tolerance, "the plugin", "TensorFlow"), inside, managed);
            }

            if (!tf.Failed && TfDataTypes.IsBiasAddGradType(dtype.DataType) && TensorFlowTolerance.AccumulatesInStorageType(dtype.DataType, format))
            {
                note = "TensorFlow's CPU kernel rounds partial sums to the storage type here (bfloat16; float16 NCHW runs): " +
                       "the tolerance widens with that type's eps";
            }
        }

        bool passed = verdict.Passed && (pluginResult?.Passed ?? true);
        string? reason = passed ? null : string.Join("; ", new[]
        {
            verdict.Passed ? null : verdict.Reason,
            pluginResult is { Passed: false } ? "plugin inside TensorFlow: " + pluginResult.Reason : null,
        }.Where(r => r is not null));
        return new CaseResult(golden.Id, golden.Dtype, golden.DataFormat, golden.ShapeText, passed, reason,
            verdict.MaxAbsError, verdict.WorstRatio, verdict.Expectation, note) { Plugin = pluginResult };
    }

    /// <summary>TfOps's managed kernel, with TensorFlow's validation order (<see cref="OpRunner"/>).</summary>
    public static ReferenceOutcome RunManaged(GoldenDtype dtype, string dataFormat, IReadOnlyList<long> shape, byte[] input)
    {
        try
        {
            byte[] output = OpRunner.Run(dtype, dataFormat, shape, input);
            return ReferenceOutcome.Value(OpRunner.OutputShape(dtype, output.Length), output);
        }
        catch (TfOpsException e)
        {
            return ReferenceOutcome.Failure(e.Code, e.Message);
        }
    }

    private readonly record struct Verdict(bool Passed, string? Reason, double? MaxAbsError, double? WorstRatio, string Expectation);

    // Grades `actual` against `reference`'s outcome: the same failure, or a value within tolerance.
    private static Verdict Against(ReferenceOutcome reference, ReferenceOutcome actual, GoldenDtype dtype, GoldenTolerance? tolerance, string who, string whom)
    {
        if (reference.Failed)
        {
            return !actual.Failed
                ? new(false, $"{whom} failed with {reference}, but {who} computed {actual}", null, null, "error")
                : actual.Code == reference.Code && actual.Message == reference.Message
                    ? new(true, null, 0, 0, "error")
                    : new(false, $"{whom} failed with {reference}, {who} with {actual}", null, null, "error");
        }

        if (actual.Failed)
        {
            return new(false, $"{whom} computed {reference}, but {who} failed with {actual}", null, null, "value");
        }

        if (!actual.Shape!.SequenceEqual(reference.Shape!))
        {
            return new(false, $"{whom} returned shape [{string.Join(",", reference.Shape!)}], {who} [{string.Join(",", actual.Shape!)}]", null, null, "value");
        }

        Comparison comparison = GoldenComparer.Compare(dtype, actual.Data, reference.Data, tolerance);
        return new(comparison.Passed, comparison.Passed ? null : $"{who} vs {whom}: {comparison.Detail}", comparison.MaxAbsError, comparison.WorstRatio, "value");
    }

    private static Verdict Quantized(ReferenceOutcome tf, ReferenceOutcome managed, byte[] expected, GoldenDtype dtype)
    {
        if (!tf.Failed || tf.Code != TfCode.NotFound)
        {
            return new(false, $"TensorFlow {(tf.Failed ? "failed with " : "computed ")}{tf}, but it has no BiasAddGrad kernel for quantized dtypes: NOT_FOUND was expected",
                null, null, "value");
        }

        return Against(ReferenceOutcome.Value([expected.Length / dtype.ElementSize], expected), managed, dtype, null, "TfOps", "the manifest");
    }

    // The plugin runs the managed kernel: whatever it returns must be the managed kernel's exact bits.
    private static PluginResult WithManagedBits(Verdict verdict, ReferenceOutcome inside, ReferenceOutcome managed)
    {
        if (verdict.Passed && !inside.Failed && !managed.Failed && !inside.Data!.AsSpan().SequenceEqual(managed.Data))
        {
            return new PluginResult(false, "its output differs in bits from the managed kernel's, which it runs", verdict.MaxAbsError, verdict.WorstRatio);
        }

        return new PluginResult(verdict.Passed, verdict.Reason, verdict.MaxAbsError, verdict.WorstRatio);
    }

    private static byte[] ReadExpected(GoldenManifest manifest, GoldenCase golden, GoldenDtype dtype)
    {
        if (golden.Expected is null)
        {
            throw new NpyFormatException("manifest: a quantized case needs expected values (TensorFlow has no kernel to compare with)");
        }

        NpyTensor expected = NpyReader.Read(manifest.Resolve(golden.Expected), dtype);
        return expected.Shape.Length == 1
            ? expected.Data
            : throw new NpyFormatException($"expected: shape {NpyHeader.FormatShape(expected.Shape)} is not [C]");
    }

    private static CaseResult Fail(GoldenCase golden, string reason, PluginResult? plugin) =>
        new(golden.Id, golden.Dtype ?? "?", golden.DataFormat ?? "?", golden.Shape is null ? "?" : golden.ShapeText, false, reason,
            null, null, golden.Error is null ? "value" : "error", null) { Plugin = plugin };
}
