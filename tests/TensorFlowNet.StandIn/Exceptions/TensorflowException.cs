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

/// <summary>A failed op status with TF_INVALID_ARGUMENT (Status.Check).</summary>
public class InvalidArgumentError : TensorflowException
{
    public InvalidArgumentError()
    {
    }

    public InvalidArgumentError(string message) : base(message)
    {
    }
}

/// <summary>A failed op status with TF_OUT_OF_RANGE (Status.Check).</summary>
public class OutOfRangeError : TensorflowException
{
    public OutOfRangeError()
    {
    }

    public OutOfRangeError(string message) : base(message)
    {
    }
}

/// <summary>ops.get_gradient_function's error for an op type with no registered gradient.</summary>
public class LookupError : TensorflowException
{
    public LookupError()
    {
    }

    public LookupError(string message) : base(message)
    {
    }
}

/// <summary>TensorFlow.NET's RuntimeError (misuse of tapes and of tf.gradients).</summary>
public class RuntimeError : TensorflowException
{
    public RuntimeError()
    {
    }

    public RuntimeError(string message) : base(message)
    {
    }
}
