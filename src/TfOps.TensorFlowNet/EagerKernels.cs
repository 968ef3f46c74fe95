using Tensorflow;
using Tensorflow.Eager;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet;

/// <summary>
/// The managed path: the kernel reads the eager gradient's host buffer in place, sized by the
/// validate step, and the result is recorded on the active tapes (<see cref="TapeRecording"/>).
/// </summary>
internal static class EagerKernels
{
    public static HostBuffer Describe(Tensor tensor, long bytes) =>
        new(tensor is EagerTensor, tensor is EagerTensor && tensor.TensorDataPointer != IntPtr.Zero, bytes);

    /// <summary>BiasAddGrad of <paramref name="outBackprop"/>, validated as <paramref name="shape"/>; never empty (see PathSelection).</summary>
    public static Tensor BiasAddGrad(Tensor outBackprop, BiasAddGradShape shape, KernelOptions? options)
    {
        var output = new byte[shape.OutputByteCount];
        TfOps.BiasAddGrad.Compute(shape.DataType, HostBytes(outBackprop, shape.InputByteCount), outBackprop.shape.dims, shape.Format, output, options);
        var result = new EagerTensor(output, new Shape(shape.Channels), ToTf(shape.DataType));
        TapeRecording.BiasAddGrad(outBackprop, result, shape.Format);
        return result;
    }

    /// <summary>The <c>[C]</c> <paramref name="gradient"/> broadcast to out_backprop's <paramref name="dims"/>, validated as <paramref name="outBackprop"/>.</summary>
    public static Tensor Broadcast(Tensor gradient, long[] dims, BiasAddGradShape outBackprop)
    {
        var output = new byte[outBackprop.InputByteCount];
        TfOps.BiasAddGrad.Broadcast(outBackprop.DataType, HostBytes(gradient, outBackprop.OutputByteCount), dims, outBackprop.Format, output);
        var result = new EagerTensor(output, new Shape(dims), ToTf(outBackprop.DataType));
        TapeRecording.Broadcast(gradient, result, outBackprop.Format);
        return result;
    }

    // Result dtypes are never reference dtypes; the kernel's numbers are TensorFlow's.
    private static TF_DataType ToTf(TfDataType dtype) => (TF_DataType)(int)dtype;

    // Valid while `tensor` is alive: the caller holds it for the whole kernel call.
    private static unsafe ReadOnlySpan<byte> HostBytes(Tensor tensor, long bytes) =>
        bytes == 0 ? default : new ReadOnlySpan<byte>((void*)tensor.TensorDataPointer, checked((int)bytes));
}
