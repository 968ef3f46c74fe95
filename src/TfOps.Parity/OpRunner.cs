namespace TfOps.Parity;

/// <summary>
/// Runs TfOps's BiasAddGrad the way TensorFlow validates a call: <see cref="BiasAddGrad.Validate(TfDataType, ReadOnlySpan{long}, string)"/>
/// (dtype, then the data_format string, then the shape), then the kernel. Shared by the golden grader and <c>tfops run</c>.
/// </summary>
public static class OpRunner
{
    /// <summary>Computes BiasAddGrad of <paramref name="input"/>; throws <see cref="TfOpsException"/> as TensorFlow would fail.</summary>
    /// <returns>The output's storage bytes (C elements).</returns>
    public static byte[] Run(GoldenDtype dtype, string dataFormat, IReadOnlyList<long> shape, ReadOnlySpan<byte> input)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        ArgumentNullException.ThrowIfNull(shape);
        long[] dims = [.. shape];
        var validated = BiasAddGrad.Validate(dtype.DataType, dims, dataFormat);
        if (validated.OutputByteCount > Array.MaxLength)
        {
            // Only an input without elements can ask for this many zeros; TensorFlow would allocate them.
            throw new TfOpsException(TfCode.ResourceExhausted,
                $"the output of {validated.Channels} channels ({validated.OutputByteCount} bytes) does not fit one .NET array");
        }

        var output = new byte[validated.OutputByteCount];
        BiasAddGrad.Compute(dtype.DataType, input, dims, validated.Format, output);
        return output;
    }

    /// <summary>The output's shape for a successful run: [C].</summary>
    public static long[] OutputShape(GoldenDtype dtype, int outputBytes) => [outputBytes / dtype.ElementSize];
}
