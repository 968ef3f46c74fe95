// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Reflection;
using Tensorflow.Gradients;

namespace Tensorflow;

/// <summary>TensorFlow.NET's gradient registry: a plain dictionary, null until first loaded, no lock.</summary>
public partial class ops
{
    public static Dictionary<string, Func<Operation, Tensor[], Tensor[]>> gradientFunctions = null;

    /// <summary>Loads the built-in gradients, found by reflection over this assembly only.</summary>
    public static void RegisterFromAssembly()
    {
        if (gradientFunctions != null)
        {
            return;
        }

        var functions = new Dictionary<string, Func<Operation, Tensor[], Tensor[]>>();
        foreach (var method in typeof(ops).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)))
        {
            foreach (var attribute in method.GetCustomAttributes<RegisterGradient>())
            {
                functions[attribute.Name] = method.CreateDelegate<Func<Operation, Tensor[], Tensor[]>>();
            }
        }

        gradientFunctions = functions;
    }

    /// <summary>Loads the built-ins first, then replaces any entry of the same name.</summary>
    public static void RegisterGradientFunction(string name, Func<Operation, Tensor[], Tensor[]> func)
    {
        RegisterFromAssembly();
        gradientFunctions[name] = func;
    }

    /// <summary>Marks an op as having no gradient (a null entry).</summary>
    public static void RegisterNoGradientFunction(string name)
    {
        RegisterFromAssembly();
        gradientFunctions[name] = null;
    }

    public static Func<Operation, Tensor[], Tensor[]> get_gradient_function(Operation op)
    {
        RegisterFromAssembly();
        if (op.inputs.Length == 0)
        {
            return null;
        }

        return gradientFunctions.TryGetValue(op.type, out var func)
            ? func
            : throw new TensorflowException($"No gradient defined for operation '{op.name}' (op type: {op.type})");
    }
}
