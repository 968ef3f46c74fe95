using System.Globalization;

namespace TfOps;

/// <summary>
/// The op's view of an input: <c>[Outer, Channels, Inner]</c>. NHWC is <c>[prod(leading), C, 1]</c>,
/// NCHW is <c>[N, C, prod(axes 2..)]</c> at every rank (TensorFlow's CPU kernel, not its doc).
/// </summary>
internal readonly record struct BiasGradGeometry(int Outer, int Channels, int Inner)
{
    /// <summary>Number of input elements; always below int32 max (the op's rule).</summary>
    public int Elements => Outer * Channels * Inner;

    /// <summary>
    /// Validates a shape and format in TensorFlow's order (data_format, rank, negative dims, the
    /// int32-max element rule) and returns the geometry. The dtype check comes before this.
    /// </summary>
    public static BiasGradGeometry FromShape(ReadOnlySpan<long> shape, DataFormat format)
    {
        if (!DataFormats.IsDefined(format))
        {
            throw TfOpsException.InvalidArgument(DataFormats.InvalidAttrMessage(((int)format).ToString(CultureInfo.InvariantCulture)));
        }

        if (shape.Length < 2)
        {
            throw TfOpsException.InvalidArgument($"Input tensor must be at least 2D: {Format(shape)}");
        }

        long elements = 1;
        bool overflowed = false;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                throw TfOpsException.InvalidArgument($"Dimension {dim} must be >= 0 in shape {Format(shape)}");
            }

            if (!overflowed)
            {
                overflowed = dim != 0 && elements > long.MaxValue / dim;
                elements = overflowed ? elements : elements * dim;
            }
        }

        bool hasZero = shape.Contains(0L);
        if ((overflowed && !hasZero) || (!hasZero && elements >= int.MaxValue))
        {
            throw TfOpsException.InvalidArgument("BiasGrad requires tensor size <= int32 max");
        }

        // With a zero dim, the other dims may still be huge; the plan only needs them when they fit.
        int channelAxis = format == DataFormat.NHWC ? shape.Length - 1 : 1;
        long channels = shape[channelAxis];
        long outer = 1, inner = 1;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            if (axis < channelAxis)
            {
                outer = SaturatingMultiply(outer, shape[axis]);
            }
            else if (axis > channelAxis)
            {
                inner = SaturatingMultiply(inner, shape[axis]);
            }
        }

        if (channels >= int.MaxValue)
        {
            throw TfOpsException.InvalidArgument("BiasGrad requires tensor size <= int32 max");
        }

        if (hasZero)
        {
            // No elements: the output is C zeros. Outer/Inner are irrelevant then; keep them small.
            return new BiasGradGeometry(0, (int)channels, 0);
        }

        return new BiasGradGeometry((int)outer, (int)channels, (int)inner);
    }

    private static long SaturatingMultiply(long a, long b) =>
        b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;

    /// <summary>TensorFlow's shape text: <c>[d0,d1,...]</c>, <c>[]</c> for a scalar.</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(",", parts) + "]";
    }
}
