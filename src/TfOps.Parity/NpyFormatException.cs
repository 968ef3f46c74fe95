namespace TfOps.Parity;

/// <summary>An .npy file that cannot be read as the manifest says; the message is the reason.</summary>
public sealed class NpyFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NpyFormatException() : base("malformed .npy file") { }

    /// <summary>Creates the exception with a reason.</summary>
    public NpyFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public NpyFormatException(string message, Exception? innerException) : base(message, innerException) { }
}
