// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using System.Reflection;
using Tensorflow.Gradients;

namespace Tensorflow;

/// <summary>
/// TensorFlow.NET's gradient registry (Gradients/ops.gradient_function_mapping.cs): a plain dictionary,
/// null until first loaded, no lock.
/// </summary>
public partial class ops
{
    public static Dictionary<string, Func<Operation, Tensor[], Tensor[]>> gradientFunctions = null;

    /// <summary>
    /// Loads the built-in gradients: classes and methods of this assembly marked [RegisterGradient].
    /// Each is registered as a lambda that calls the method through Type.InvokeMember, so an exception
    /// thrown by a built-in reaches the caller wrapped in <see cref="TargetInvocationException"/>.
    /// </summary>
    public static void RegisterFromAssembly()
    {
        if (gradientFunctions != null)
        {
            return;
        }

        gradientFunctions = new Dictionary<string, Func<Operation, Tensor[], Tensor[]>>();
        foreach (var group in typeof(ops).Assembly.GetTypes().Where(t => t.GetCustomAttribute<RegisterGradient>() != null))
        {
            foreach (var method in group.GetMethods().Where(m => m.GetCustomAttribute<RegisterGradient>() != null))
            {
                RegisterGradientFunction(
                    method.GetCustomAttribute<RegisterGradient>().Name,
                    (oper, out_grads) => group.InvokeMember(method.Name, BindingFlags.InvokeMethod, null, null, [oper, out_grads], System.Globalization.CultureInfo.InvariantCulture) as Tensor[]);
            }
        }
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

    /// <summary>Looks a graph operation's gradient up by its type; LookupError when none is registered.</summary>
    public static Func<Operation, Tensor[], Tensor[]> get_gradient_function(Operation op)
    {
        if (op.inputs == null)
        {
            return null;
        }

        RegisterFromAssembly();
        return gradientFunctions.TryGetValue(op.type, out var function)
            ? function
            : throw new LookupError($"can't get graident function through get_gradient_function {op.type}");
    }
}
