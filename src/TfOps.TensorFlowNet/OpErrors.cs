using Tensorflow;
using Tensorflow.Exceptions;

namespace TfOps.TensorFlowNet;

/// <summary>
/// The one place where a kernel error becomes a TensorFlow.NET error, by TensorFlow.NET's own rule for
/// a failed op status (Status.Check: INVALID_ARGUMENT, OUT_OF_RANGE, anything else).
/// </summary>
/// <remarks>
/// The error is thrown as is, not wrapped in TargetInvocationException: TensorFlow.NET wraps only the
/// exceptions of its own built-in gradients (it calls them through reflection), while functions
/// registered with ops.RegisterGradientFunction, ours included, are called directly.
/// </remarks>
internal static class OpErrors
{
    /// <summary>Runs a gradient computation, surfacing its kernel errors as TensorFlow.NET errors.</summary>
    public static Tensor Guard(Func<Tensor> gradient)
    {
        try
        {
            return gradient();
        }
        catch (TfOpsException error)
        {
            throw From(error);
        }
    }

    public static TensorflowException From(TfOpsException error) => error.Code switch
    {
        TfCode.InvalidArgument => new InvalidArgumentError(error.Message),
        TfCode.OutOfRange => new OutOfRangeError(error.Message),
        _ => new NotOkStatusException(error.Message),
    };
}
