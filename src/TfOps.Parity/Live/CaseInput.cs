namespace TfOps.Parity;

/// <summary>A manifest case's input, read and checked against the case (op, dtype, shape), or why it cannot be.</summary>
public sealed record CaseInput(GoldenCase Case, GoldenDtype Dtype, NpyTensor Input)
{
    /// <summary>Reads <paramref name="golden"/>'s input file; null with the reason when the case is unusable.</summary>
    public static CaseInput? TryRead(GoldenManifest manifest, GoldenCase golden, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(golden);
        problem = null;
        if (golden.Op != "BiasAddGrad")
        {
            problem = $"manifest: op \"{golden.Op}\" is not BiasAddGrad";
            return null;
        }

        if (!GoldenDtype.TryFind(golden.Dtype, out var dtype))
        {
            problem = $"manifest: unknown dtype \"{golden.Dtype}\"";
            return null;
        }

        NpyTensor input;
        try
        {
            input = NpyReader.Read(manifest.Resolve(golden.Input), dtype);
        }
        catch (NpyFormatException e)
        {
            problem = "input: " + e.Message;
            return null;
        }

        if (!input.Shape.SequenceEqual(golden.Shape))
        {
            problem = $"input: the file's shape {NpyHeader.FormatShape(input.Shape)} disagrees with the manifest's [{string.Join(", ", golden.Shape)}]";
            return null;
        }

        return new CaseInput(golden, dtype, input);
    }
}
