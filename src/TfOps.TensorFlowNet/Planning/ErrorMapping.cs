namespace TfOps.TensorFlowNet.Planning;

/// <summary>Which TensorFlow.NET exception a failed op status becomes.</summary>
internal enum OpErrorKind
{
    /// <summary>Tensorflow.InvalidArgumentError.</summary>
    InvalidArgument,

    /// <summary>Tensorflow.OutOfRangeError.</summary>
    OutOfRange,

    /// <summary>Tensorflow.Exceptions.NotOkStatusException.</summary>
    NotOkStatus,
}

/// <summary>TensorFlow.NET's rule for native op statuses, applied to kernel errors so they look the same.</summary>
internal static class ErrorMapping
{
    public static OpErrorKind KindOf(TfCode code) => code switch
    {
        TfCode.InvalidArgument => OpErrorKind.InvalidArgument,
        TfCode.OutOfRange => OpErrorKind.OutOfRange,
        _ => OpErrorKind.NotOkStatus,
    };
}
