namespace TfOps;

/// <summary>TensorFlow's TF_Code status codes.</summary>
public enum TfCode
{
    /// <summary>OK.</summary>
    Ok = 0,
    /// <summary>CANCELLED.</summary>
    Cancelled = 1,
    /// <summary>UNKNOWN.</summary>
    Unknown = 2,
    /// <summary>INVALID_ARGUMENT.</summary>
    InvalidArgument = 3,
    /// <summary>DEADLINE_EXCEEDED.</summary>
    DeadlineExceeded = 4,
    /// <summary>NOT_FOUND.</summary>
    NotFound = 5,
    /// <summary>ALREADY_EXISTS.</summary>
    AlreadyExists = 6,
    /// <summary>PERMISSION_DENIED.</summary>
    PermissionDenied = 7,
    /// <summary>RESOURCE_EXHAUSTED.</summary>
    ResourceExhausted = 8,
    /// <summary>FAILED_PRECONDITION.</summary>
    FailedPrecondition = 9,
    /// <summary>ABORTED.</summary>
    Aborted = 10,
    /// <summary>OUT_OF_RANGE.</summary>
    OutOfRange = 11,
    /// <summary>UNIMPLEMENTED.</summary>
    Unimplemented = 12,
    /// <summary>INTERNAL.</summary>
    Internal = 13,
    /// <summary>UNAVAILABLE.</summary>
    Unavailable = 14,
    /// <summary>DATA_LOSS.</summary>
    DataLoss = 15,
    /// <summary>UNAUTHENTICATED.</summary>
    Unauthenticated = 16,
}
