using Tensorflow;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>TensorFlow.NET's <c>ops.gradientFunctions</c> behind <see cref="IGradientRegistry{TFunc}"/>.</summary>
internal sealed class TensorFlowNetRegistry : IGradientRegistry<Func<Operation, Tensor[], Tensor[]>>
{
    public void EnsureLoaded() => ops.RegisterFromAssembly();

    public bool TryGet(string name, out Func<Operation, Tensor[], Tensor[]>? function) =>
        ops.gradientFunctions.TryGetValue(name, out function);

    public void Set(string name, Func<Operation, Tensor[], Tensor[]>? function) =>
        ops.RegisterGradientFunction(name, function!);

    public void Remove(string name) => ops.gradientFunctions.Remove(name);
}
