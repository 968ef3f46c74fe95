// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Exceptions;

/// <summary>A failed op status with any other code.</summary>
public class NotOkStatusException : TensorflowException
{
    public NotOkStatusException()
    {
    }

    public NotOkStatusException(string message) : base(message)
    {
    }
}
