namespace TfOps.Parity;

/// <summary>
/// Runs TfOps's BiasAddGrad the way TensorFlow validates a call: the dtype (attr T) first, then the
/// data_format string, then everything the kernel checks. Shared by the golden grader and <c>tfops run</c>.
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
        if (!dtype.IsOpType)
        {
            // The kernel's own check produces TensorFlow's attr 'T' text.
            BiasAddGrad.Compute(dtype.DataType, input, dims, DataFormat.NHWC, []);
            throw new InvalidOperationException($"TfOps accepted dtype {dtype.Name}, which BiasAddGrad does not list");
        }

        var format = DataFormats.Parse(dataFormat);
        long channels = dims.Length >= 2 ? dims[format == DataFormat.NHWC ? dims.Length - 1 : 1] : 0;
        // An empty input may declare any channel count; cap what we allocate for it.
        long bytes = channels * dtype.ElementSize;
        var output = bytes is >= 0 and <= int.MaxValue / 2 ? new byte[bytes] : [];
        BiasAddGrad.Compute(dtype.DataType, input, dims, format, output);
        return output;
    }

    /// <summary>The output's shape for a successful run: [C].</summary>
    public static long[] OutputShape(GoldenDtype dtype, int outputBytes) => [outputBytes / dtype.ElementSize];
}
