namespace TfOps;

/// <summary>Parses and prints TensorFlow's <c>data_format</c> attribute strings.</summary>
public static class DataFormats
{
    /// <summary>
    /// Parses a TensorFlow <c>data_format</c> attribute. Matching is exact and case-sensitive, as in
    /// TensorFlow's attr validation; anything else is an InvalidArgument <see cref="TfOpsException"/>
    /// with TensorFlow's text.
    /// </summary>
    public static DataFormat Parse(string? value) =>
        TryParse(value, out var format) ? format : throw new TfOpsException(TfCode.InvalidArgument, ValidationErrors.NotAllowedFormatMessage(value));

    /// <summary>Parses without throwing; false for anything but "NHWC" or "NCHW".</summary>
    public static bool TryParse(string? value, out DataFormat format)
    {
        switch (value)
        {
            case "NHWC": format = DataFormat.NHWC; return true;
            case "NCHW": format = DataFormat.NCHW; return true;
            default: format = default; return false;
        }
    }

    /// <summary>TensorFlow's attribute string for a format ("NHWC" or "NCHW").</summary>
    public static string ToAttrString(this DataFormat format) => format switch
    {
        DataFormat.NHWC => "NHWC",
        DataFormat.NCHW => "NCHW",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a defined DataFormat"),
    };

    /// <summary>True for the two defined enum values.</summary>
    public static bool IsDefined(DataFormat format) => format is DataFormat.NHWC or DataFormat.NCHW;
}
