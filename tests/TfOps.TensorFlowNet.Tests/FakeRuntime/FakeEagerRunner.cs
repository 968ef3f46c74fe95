using Tensorflow;
using Tensorflow.Eager;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>tf.Runner's recording members (Eager/EagerRunner.RecordGradient.cs, EagerRunner.MustRecordGradient.cs).</summary>
internal sealed class FakeEagerRunner(TapeSet tapes) : IEagerRunner
{
    /// <summary>HasGradientTape: any tape in the set.</summary>
    public bool MustRecordGradient() => tapes.Count > 0;

    /// <summary>
    /// Records on every tape that watches an input of a trainable dtype; false when none does. Without a
    /// backward function, the backward pass looks <paramref name="op_name"/> up when it runs.
    /// </summary>
    public bool RecordGradient(string op_name, Tensor[] inputs, object[] attrs, Tensor[] results, BackwardFunction getBackwardFunction = null!)
    {
        if (!tapes.Active.Any(t => t.ShouldRecord(inputs)))
        {
            return false;
        }

        var backward = getBackwardFunction ?? GetGradientFunction(op_name, inputs, attrs, results);
        foreach (var tape in tapes.Active)
        {
            tape.RecordOperation(op_name, inputs, results, backward);
        }

        return true;
    }

    /// <summary>EagerRunner.GetGradientFunction: the registry is read when the backward pass runs.</summary>
    private static BackwardFunction GetGradientFunction(string opName, Tensor[] inputs, object[] attrs, Tensor[] outputs) =>
        (outGrads, unneeded) =>
        {
            if (!ops.gradientFunctions.ContainsKey(opName))
            {
#pragma warning disable CA2201 // TensorFlow.NET throws System.Exception here.
                throw new Exception($"gradientFunctions not find op_name: {opName}");
#pragma warning restore CA2201
            }

            if (ops.gradientFunctions[opName] is not { } function)
            {
                return new Tensor[inputs.Length];
            }

            var operation = new EagerOperation { Name = opName, Inputs = inputs, Outputs = outputs, SkipInputIndices = unneeded, Attrs = attrs };
            return function(operation, outGrads);
        };
}
