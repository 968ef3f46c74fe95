namespace TfOps;

/// <summary>
/// A failure with a TensorFlow status code. <see cref="Exception.Message"/> is TensorFlow's text
/// where TensorFlow has one, without TensorFlow's decorations.
/// </summary>
public class TfOpsException : Exception
{
    /// <summary>Creates an exception with a code and a message.</summary>
    public TfOpsException(TfCode code, string message) : base(message) => Code = code;

    /// <summary>Creates an exception with a code, a message and the exception that caused it.</summary>
    public TfOpsException(TfCode code, string message, Exception? innerException) : base(message, innerException) => Code = code;

    /// <summary>Creates an Unknown-coded exception (for serializers and analyzers; prefer the coded constructor).</summary>
    public TfOpsException() : this(TfCode.Unknown, "Unknown error") { }

    /// <summary>Creates an Unknown-coded exception with a message.</summary>
    public TfOpsException(string message) : this(TfCode.Unknown, message) { }

    /// <summary>Creates an Unknown-coded exception with a message and its cause.</summary>
    public TfOpsException(string message, Exception? innerException) : this(TfCode.Unknown, message, innerException) { }

    /// <summary>TensorFlow's status code for this failure.</summary>
    public TfCode Code { get; }

    /// <summary>TensorFlow's name of <see cref="Code"/>, such as <c>INVALID_ARGUMENT</c>.</summary>
    public string CodeName => TfCodes.Name(Code);
}
