namespace TfOps.TensorFlowNet.Planning;

/// <summary>
/// TensorFlow's checks of a bias gradient, all taken from the kernel's validate step: the full
/// <see cref="BiasAddGrad.Validate(TfDataType, ReadOnlySpan{long}, string)"/> where every dim is known
/// (eager tensors), the attr checks alone where only the op is known (graph mode).
/// </summary>
internal static class GradientChecks
{
    /// <summary>dtype, data_format, rank, dims and sizes, in TensorFlow's order.</summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text.</exception>
    public static BiasAddGradShape Shape(int tfDataType, object? dataFormatAttr, ReadOnlySpan<long> dims) =>
        BiasAddGrad.Validate(DTypeMapping.ToKernel(tfDataType), dims, AttrParsing.DataFormatText(dataFormatAttr));

    /// <summary>dtype then data_format, in the OpDef's attr order (T before data_format).</summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text.</exception>
    public static DataFormat Attrs(int tfDataType, object? dataFormatAttr) =>
        BiasAddGrad.ValidateAttrs(DTypeMapping.ToKernel(tfDataType), AttrParsing.DataFormatText(dataFormatAttr));
}
