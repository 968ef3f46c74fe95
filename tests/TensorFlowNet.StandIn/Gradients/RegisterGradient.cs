// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
namespace Tensorflow.Gradients;

/// <summary>
/// Marks a built-in gradient class and its methods (Gradients/RegisterGradient.cs: not sealed, no
/// AttributeUsage); only this assembly is searched, as in TensorFlow.NET.
/// </summary>
#pragma warning disable CA1813 // TensorFlow.NET's attribute is not sealed.
public class RegisterGradient : Attribute
#pragma warning restore CA1813
{
    public RegisterGradient(string name) => Name = name;

    public string Name { get; set; }
}
