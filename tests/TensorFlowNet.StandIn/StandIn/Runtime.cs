// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;
using Tensorflow.Exceptions;
using Tensorflow.Gradients;
using TfOps;

namespace Tensorflow.StandIn;

/// <summary>Stand-in only: where every op goes. Graph mode records it; eager mode runs it and tapes it.</summary>
internal static class Runtime
{
    public static Tensor Run(
        string type,
        string name,
        Tensor[] inputs,
        Dictionary<string, object> attrs,
        Func<EagerTensor> eager,
        Func<(TF_DataType Dtype, Shape Shape)> symbolic)
    {
        var graph = StandInGraph.Current;
        if (graph is not null)
        {
            var (dtype, shape) = symbolic();
            return graph.AddOperation(type, inputs, dtype, shape, attrs, name);
        }

        if (inputs.Any(t => t is not EagerTensor))
        {
            throw new TensorflowException($"{type}: a symbolic tensor reached an eager op");
        }

        EagerTensor result;
        try
        {
            result = eager();
        }
        catch (TfOpsException e)
        {
            throw FromStatus(e.Code, e.Message);
        }

        ExecutedOps.Record(type);
        var op = new EagerOperation(type, inputs, [result], attrs);
        result.op = op;
        GradientTape.Record(op);
        return result;
    }

    /// <summary>How TensorFlow.NET turns a failed native status into an exception.</summary>
    public static TensorflowException FromStatus(TfCode code, string message) => code switch
    {
        TfCode.InvalidArgument => new InvalidArgumentError(message),
        TfCode.OutOfRange => new OutOfRangeError(message),
        _ => new NotOkStatusException(message),
    };
}
