namespace TfOps.Parity;

/// <summary>Grades one manifest entry. Every problem becomes a failed <see cref="CaseResult"/> with a reason; nothing throws.</summary>
public static class CaseGrader
{
    /// <summary>Grades <paramref name="entry"/> of <paramref name="manifest"/>.</summary>
    public static CaseResult Grade(GoldenManifest manifest, GoldenEntry entry)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(entry);
        var golden = entry.Case;
        if (golden is null)
        {
            return new CaseResult(entry.Id, entry.Dtype, entry.DataFormat, "?", false, entry.Problem ?? "unreadable case", null, null, "?", null);
        }

        try
        {
            return Grade(manifest, golden);
        }
#pragma warning disable CA1031 // a fixture must never crash the run: any failure is this case's reason
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(golden, $"unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    private static CaseResult Grade(GoldenManifest manifest, GoldenCase golden)
    {
        if (golden.Op != "BiasAddGrad")
        {
            return Fail(golden, $"manifest: op \"{golden.Op}\" is not BiasAddGrad");
        }

        if (!GoldenDtype.TryFind(golden.Dtype, out var dtype))
        {
            return Fail(golden, $"manifest: unknown dtype \"{golden.Dtype}\"");
        }

        NpyTensor input;
        try
        {
            input = NpyReader.Read(manifest.Resolve(golden.Input), dtype);
        }
        catch (NpyFormatException e)
        {
            return Fail(golden, "input: " + e.Message);
        }

        if (!input.Shape.SequenceEqual(golden.Shape))
        {
            return Fail(golden, $"input: the file's shape {NpyHeader.FormatShape(input.Shape)} disagrees with the manifest's [{string.Join(", ", golden.Shape)}]");
        }

        byte[]? actual = null;
        TfOpsException? raised = null;
        try
        {
            actual = OpRunner.Run(dtype, golden.DataFormat, golden.Shape, input.Data);
        }
        catch (TfOpsException e)
        {
            raised = e;
        }

        return golden.Error is { } error
            ? GradeError(golden, error, raised)
            : GradeValue(manifest, golden, dtype, actual, raised);
    }

    private static CaseResult GradeError(GoldenCase golden, GoldenError error, TfOpsException? raised)
    {
        if (raised is null)
        {
            return Fail(golden, $"expected {error.Code} \"{error.Message}\", but TfOps computed a result");
        }

        if (raised.CodeName != error.Code || !raised.Message.Contains(error.Message, StringComparison.Ordinal))
        {
            return Fail(golden, $"expected {error.Code} \"{error.Message}\", got {raised.CodeName} \"{raised.Message}\"");
        }

        return new CaseResult(golden.Id, golden.Dtype, golden.DataFormat, golden.ShapeText, true, null, 0, 0, "error", golden.Note);
    }

    private static CaseResult GradeValue(GoldenManifest manifest, GoldenCase golden, GoldenDtype dtype, byte[]? actual, TfOpsException? raised)
    {
        if (raised is not null || actual is null)
        {
            return Fail(golden, $"TfOps raised {raised?.CodeName} \"{raised?.Message}\"");
        }

        if (golden.Expected is null)
        {
            return Fail(golden, "manifest: the case has neither expected nor error");
        }

        NpyTensor expected;
        try
        {
            expected = NpyReader.Read(manifest.Resolve(golden.Expected), dtype);
        }
        catch (NpyFormatException e)
        {
            return Fail(golden, "expected: " + e.Message);
        }

        long channels = actual.Length / dtype.ElementSize;
        if (expected.Shape.Length != 1 || expected.Shape[0] != channels)
        {
            return Fail(golden, $"expected: shape {NpyHeader.FormatShape(expected.Shape)}, but {golden.DataFormat} input {golden.ShapeText} has {channels} channels");
        }

        var comparison = GoldenComparer.Compare(dtype, actual, expected.Data, golden.Tolerance);
        return new CaseResult(golden.Id, golden.Dtype, golden.DataFormat, golden.ShapeText, comparison.Passed,
            comparison.Passed ? null : comparison.Detail, comparison.MaxAbsError, comparison.WorstRatio, "value", golden.Note);
    }

    private static CaseResult Fail(GoldenCase golden, string reason) =>
        new(golden.Id, golden.Dtype ?? "?", golden.DataFormat ?? "?", golden.Shape is null ? "?" : golden.ShapeText, false, reason,
            null, null, golden.Error is null ? "value" : "error", golden.Note);
}
