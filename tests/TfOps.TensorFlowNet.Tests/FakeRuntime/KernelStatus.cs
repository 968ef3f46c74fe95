using Tensorflow;
using Tensorflow.Exceptions;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>A failed status from a fake TensorFlow kernel (what TFE_Execute reports through TF_Status).</summary>
internal sealed class KernelStatus(TfCode code, string message) : Exception(message)
{
    public TfCode Code { get; } = code;

    /// <summary>Status.Check(true) (Status/Status.cs): the exception TensorFlow.NET throws for a failed status.</summary>
    public TensorflowException ToTensorFlowNet() => Code switch
    {
        TfCode.InvalidArgument => new InvalidArgumentError(Message),
        TfCode.OutOfRange => new OutOfRangeError(Message),
        _ => new NotOkStatusException(Message),
    };

    public static KernelStatus Invalid(string message) => new(TfCode.InvalidArgument, message);
}
