// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Gradients;

/// <summary>Marks a built-in gradient; only discovered in this assembly (as in TensorFlow.NET).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RegisterGradient : Attribute
{
    public RegisterGradient(string name) => Name = name;

    public string Name { get; }
}
