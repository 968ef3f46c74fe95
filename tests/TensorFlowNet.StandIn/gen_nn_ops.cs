// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>Generated op wrappers (Operations/gen_nn_ops.cs): the fast path's attrs, then the runtime.</summary>
public static class gen_nn_ops
{
    public static Tensor bias_add_grad(Tensor out_backprop, string data_format = "NHWC", string? name = null) =>
        StandInRuntime.Current.ExecuteGenerated("BiasAddGrad", name, [out_backprop], new Dictionary<string, object> { ["data_format"] = data_format });

    public static Tensor bias_add(Tensor value, Tensor bias, string data_format = "NHWC", string? name = null) =>
        StandInRuntime.Current.ExecuteGenerated("BiasAdd", name, [value, bias], new Dictionary<string, object> { ["data_format"] = data_format });
}
