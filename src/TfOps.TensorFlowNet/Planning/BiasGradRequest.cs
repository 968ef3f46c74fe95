namespace TfOps.TensorFlowNet.Planning;

/// <summary>
/// A first-order bias gradient (of BiasAdd or BiasAddV1) after TensorFlow's attr checks: what the
/// kernel is asked and how many bytes go in and out. Shape errors are left to the kernel that runs.
/// </summary>
/// <param name="Dtype">The kernel dtype (reference dtypes already mapped to their base).</param>
/// <param name="Format">The parsed data_format.</param>
/// <param name="OutputTfDataType">The result's TensorFlow dtype number: never a reference dtype.</param>
/// <param name="OutputDims">The result's shape, <c>[C]</c>.</param>
/// <param name="InputBytes">Bytes of the incoming gradient, or -1 when not computable.</param>
/// <param name="OutputBytes">Bytes of the result, or -1 when not computable.</param>
internal sealed record BiasGradRequest(
    TfDataType Dtype,
    DataFormat Format,
    int OutputTfDataType,
    long[] OutputDims,
    long InputBytes,
    long OutputBytes)
{
    /// <exception cref="TfOpsException">InvalidArgument for a dtype or data_format the op rejects.</exception>
    public static BiasGradRequest Create(int tfDataType, object? dataFormatAttr, ReadOnlySpan<long> gradientDims)
    {
        var (dtype, format) = AttrParsing.CheckAttrs(tfDataType, dataFormatAttr);
        int size = TfDataTypes.ElementSize(dtype);
        long channels = ShapeMath.Channels(gradientDims, format);

        // Below rank 2 an empty output lets the managed kernel report TensorFlow's "at least 2D" text.
        long outputBytes = gradientDims.Length < 2 ? 0 : channels < 0 ? -1 : channels * size;
        return new BiasGradRequest(
            dtype,
            format,
            DTypeMapping.ToBase(tfDataType),
            [Math.Max(0, channels)],
            ShapeMath.ByteCount(gradientDims, size),
            outputBytes);
    }
}
