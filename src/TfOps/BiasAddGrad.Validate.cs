namespace TfOps;

public static partial class BiasAddGrad
{
    /// <summary>
    /// TensorFlow's checks for one call, in TensorFlow's order, without touching any buffer: the
    /// dtype (attr T), the data format, rank &gt;= 2, non-negative dims, the int32-max element rule
    /// (strict, as in bias_op.cc), then TfOps's own limits (C below 2^31 - 1; complex inputs below
    /// 2^30 elements). Every adapter sizes its output from the result.
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text where it has one.</exception>
    public static BiasAddGradShape Validate(TfDataType dtype, ReadOnlySpan<long> shape, DataFormat format)
    {
        CheckDataType(dtype);
        if (!DataFormats.IsDefined(format))
        {
            ValidationErrors.NotAllowedFormat(format);
        }

        return ValidateShape(dtype, shape, format);
    }

    /// <summary>
    /// As <see cref="Validate(TfDataType, ReadOnlySpan{long}, DataFormat)"/>, with the data_format
    /// attribute as TensorFlow gives it ("NHWC" or "NCHW", exact and case-sensitive; anything else,
    /// "NCDHW" included, is rejected with TensorFlow's attr text after the dtype check).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text where it has one.</exception>
    public static BiasAddGradShape Validate(TfDataType dtype, ReadOnlySpan<long> shape, string? dataFormat) =>
        ValidateShape(dtype, shape, ValidateAttrs(dtype, dataFormat));

    /// <summary>
    /// The attr checks alone (T, then data_format), as TensorFlow runs them when an op is built: for
    /// callers that do not know the shape yet (graph-mode gradients with unknown dims).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument with TensorFlow's text.</exception>
    public static DataFormat ValidateAttrs(TfDataType dtype, string? dataFormat)
    {
        CheckDataType(dtype);
        if (!DataFormats.TryParse(dataFormat, out var format))
        {
            ValidationErrors.NotAllowedFormat(dataFormat);
        }

        return format;
    }

    /// <summary>
    /// The channel axis of a rank-<paramref name="rank"/> input: the last axis for NHWC, axis 1 for
    /// NCHW at every rank (TensorFlow's CPU kernel, not its doc's "third-to-last"). For callers that
    /// know only the rank, such as graph-mode shapes with unknown dims.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rank below 2 or an undefined format.</exception>
    public static int ChannelAxis(int rank, DataFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 2);
        return format switch
        {
            DataFormat.NHWC => rank - 1,
            DataFormat.NCHW => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a defined DataFormat"),
        };
    }

    private static void CheckDataType(TfDataType dtype)
    {
        if (!TfDataTypes.IsBiasAddGradType(dtype))
        {
            ValidationErrors.NotAllowedType(dtype);
        }
    }

    private static BiasAddGradShape ValidateShape(TfDataType dtype, ReadOnlySpan<long> shape, DataFormat format)
    {
        if (shape.Length < 2)
        {
            ValidationErrors.RankBelowTwo(shape);
        }

        long elements = 1;
        bool overflowed = false, empty = false;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                ValidationErrors.NegativeDim(dim, shape);
            }

            empty |= dim == 0;
            overflowed = overflowed || (dim != 0 && elements > long.MaxValue / dim);
            elements = overflowed ? elements : elements * dim;
        }

        // bias_op.cc: OP_REQUIRES(NumElements() < int32 max); a product past long's range is far past it.
        if (!empty && (overflowed || elements >= int.MaxValue))
        {
            ValidationErrors.TooManyElements();
        }

        int channelAxis = ChannelAxis(shape.Length, format);
        long channels = shape[channelAxis];
        if (channels >= int.MaxValue)
        {
            // Only reachable with no elements (a zero dim elsewhere): C zeros would not fit any buffer.
            ValidationErrors.TooManyElements();
        }

        if (empty)
        {
            return new BiasAddGradShape(dtype, format, shape.Length, 0, channels, 0, 0);
        }

        if (dtype is TfDataType.Complex64 or TfDataType.Complex128 && elements > int.MaxValue / 2)
        {
            // Complex runs as two real lanes per element, and lane counts are ints.
            ValidationErrors.ComplexTooLarge(elements);
        }

        long outer = 1, inner = 1;
        for (int axis = 0; axis < channelAxis; axis++)
        {
            outer *= shape[axis];
        }

        for (int axis = channelAxis + 1; axis < shape.Length; axis++)
        {
            inner *= shape[axis];
        }

        return new BiasAddGradShape(dtype, format, shape.Length, outer, channels, inner, elements);
    }
}
