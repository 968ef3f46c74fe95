using Tensorflow;
using Tensorflow.Eager;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>The managed path: the kernel reads the eager gradient's host buffer in place.</summary>
internal static class EagerKernels
{
    public static HostBuffer Describe(Tensor tensor, long bytes) =>
        new(tensor is EagerTensor, tensor is EagerTensor && tensor.TensorDataPointer != IntPtr.Zero, bytes);

    public static Tensor BiasAddGrad(Tensor gradient, BiasGradRequest request, KernelOptions? options)
    {
        var output = new byte[request.OutputBytes];
        TfOps.BiasAddGrad.Compute(request.Dtype, HostBytes(gradient, request.InputBytes), gradient.shape.dims, request.Format, output, options);
        return new EagerTensor(output, new Shape(request.OutputDims), (TF_DataType)request.OutputTfDataType);
    }

    public static Tensor Broadcast(Tensor gradient, BroadcastRequest request)
    {
        var output = new byte[request.OutputBytes];
        TfOps.BiasAddGrad.Broadcast(request.Dtype, HostBytes(gradient, request.GradientBytes), request.OutputDims, request.Format, output);
        return new EagerTensor(output, new Shape(request.OutputDims), (TF_DataType)request.OutputTfDataType);
    }

    // Valid while `tensor` is alive: the caller holds it for the whole kernel call.
    private static unsafe ReadOnlySpan<byte> HostBytes(Tensor tensor, long bytes) =>
        bytes == 0 ? default : new ReadOnlySpan<byte>((void*)tensor.TensorDataPointer, checked((int)bytes));
}
