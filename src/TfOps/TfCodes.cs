namespace TfOps;

/// <summary>TensorFlow's names for status codes (as Python and the golden manifests spell them).</summary>
public static class TfCodes
{
    /// <summary>The upper-case TF_Code name, e.g. <c>INVALID_ARGUMENT</c>.</summary>
    public static string Name(TfCode code) => code switch
    {
        TfCode.Ok => "OK",
        TfCode.Cancelled => "CANCELLED",
        TfCode.Unknown => "UNKNOWN",
        TfCode.InvalidArgument => "INVALID_ARGUMENT",
        TfCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        TfCode.NotFound => "NOT_FOUND",
        TfCode.AlreadyExists => "ALREADY_EXISTS",
        TfCode.PermissionDenied => "PERMISSION_DENIED",
        TfCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        TfCode.FailedPrecondition => "FAILED_PRECONDITION",
        TfCode.Aborted => "ABORTED",
        TfCode.OutOfRange => "OUT_OF_RANGE",
        TfCode.Unimplemented => "UNIMPLEMENTED",
        TfCode.Internal => "INTERNAL",
        TfCode.Unavailable => "UNAVAILABLE",
        TfCode.DataLoss => "DATA_LOSS",
        TfCode.Unauthenticated => "UNAUTHENTICATED",
        _ => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
