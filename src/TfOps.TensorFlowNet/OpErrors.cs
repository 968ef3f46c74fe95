using Tensorflow;
using Tensorflow.Exceptions;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>Kernel errors surface the way TensorFlow.NET surfaces a failed op status.</summary>
internal static class OpErrors
{
    public static TensorflowException From(TfOpsException error) => ErrorMapping.KindOf(error.Code) switch
    {
        OpErrorKind.InvalidArgument => new InvalidArgumentError(error.Message),
        OpErrorKind.OutOfRange => new OutOfRangeError(error.Message),
        _ => new NotOkStatusException(error.Message),
    };
}
