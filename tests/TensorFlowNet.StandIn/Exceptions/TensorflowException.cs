// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow;

/// <summary>Base of TensorFlow.NET's errors.</summary>
public class TensorflowException : Exception
{
    public TensorflowException()
    {
    }

    public TensorflowException(string message) : base(message)
    {
    }
}

/// <summary>A failed op status with TF_INVALID_ARGUMENT.</summary>
public class InvalidArgumentError : TensorflowException
{
    public InvalidArgumentError()
    {
    }

    public InvalidArgumentError(string message) : base(message)
    {
    }
}

/// <summary>A failed op status with TF_OUT_OF_RANGE.</summary>
public class OutOfRangeError : TensorflowException
{
    public OutOfRangeError()
    {
    }

    public OutOfRangeError(string message) : base(message)
    {
    }
}
