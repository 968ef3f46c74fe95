// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.StandIn;

namespace Tensorflow;

/// <summary>Generated op wrappers: eager runs the stand-in CPU kernels, graph mode records the op.</summary>
public static class gen_nn_ops
{
    public static Tensor bias_add_grad(Tensor out_backprop, string data_format = "NHWC", string? name = null) =>
        Runtime.Run(
            "BiasAddGrad",
            name,
            [out_backprop],
            new Dictionary<string, object> { ["T"] = out_backprop.dtype, ["data_format"] = data_format },
            () => CpuKernels.BiasAddGrad(out_backprop, data_format),
            () => (DTypes.Base(out_backprop.dtype), new Shape(CpuKernels.ChannelsOrUnknown(out_backprop.shape, data_format))));

    public static Tensor bias_add(Tensor value, Tensor bias, string data_format = "NHWC", string? name = null) =>
        Runtime.Run(
            "BiasAdd",
            name,
            [value, bias],
            new Dictionary<string, object> { ["T"] = value.dtype, ["data_format"] = data_format },
            () => CpuKernels.BiasAdd(value, bias, data_format),
            () => (DTypes.Base(value.dtype), value.shape));
}
