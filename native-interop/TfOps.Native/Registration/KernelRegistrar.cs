using System.Text;
using TfOps.Native.Interop;
using TfOps.Native.Kernel;

namespace TfOps.Native.Registration;

/// <summary>
/// Registers "BiasAddGrad" on "CPU", one kernel builder per dtype (a builder takes one type
/// constraint). CPU only: a kernel on another device would receive device memory it cannot read.
/// </summary>
internal static unsafe class KernelRegistrar
{
    /// <summary>
    /// Registers every requested dtype; <paramref name="registered"/> counts the builders TensorFlow
    /// has taken, so that a failure part-way is known to have left registrations behind.
    /// </summary>
    public static void RegisterAll(KernelApi api, RegistrationRequest request, ref int registered)
    {
        if (request.Label is not null && api.Kernels.Label is null)
        {
            throw new TfOpsException(TfCode.Unimplemented,
                $"A kernel label needs TF_KernelBuilder_Label (TensorFlow 2.10 or later), which '{api.LibraryName}' does not export");
        }

        byte[]? label = request.Label is null ? null : NulTerminated(request.Label);
        using StatusHandle status = StatusHandle.Create(api.Status);
        foreach (TfDataType dtype in request.DataTypes)
        {
            RegisterOne(api, dtype, request.Priority, label, status, ref registered);
        }
    }

    private static void RegisterOne(KernelApi api, TfDataType dtype, int priority, byte[]? label, StatusHandle status, ref int registered)
    {
        fixed (byte* op = "BiasAddGrad\0"u8) // const char* op_name
        fixed (byte* device = "CPU\0"u8) // const char* device_name
        fixed (byte* typeAttr = "T\0"u8) // const char* attr_name
        fixed (byte* kernelName = "TfOpsBiasAddGrad\0"u8) // const char* kernel_name (TensorFlow's logs show it)
        fixed (byte* labelText = label) // const char* label, null when none
        {
            using var builder = new KernelBuilderHandle(api.Kernels,
                api.Kernels.NewKernelBuilder(op, device, &KernelCallbacks.Create, &KernelCallbacks.Compute, &KernelCallbacks.Delete));
            api.Kernels.TypeConstraint(builder.Pointer, typeAttr, (int)dtype, status.Pointer);
            status.ThrowIfFailed();
            api.Kernels.Priority(builder.Pointer, priority);
            if (labelText is not null)
            {
                api.Kernels.Label(builder.Pointer, labelText);
            }

            // TensorFlow owns the builder from here on, whatever the status says.
            api.Kernels.RegisterKernelBuilder(kernelName, builder.Release(), status.Pointer);
            registered++; // counted even if the status fails: TensorFlow may have kept it (there is no unregister)
            status.ThrowIfFailed();
        }
    }

    private static byte[] NulTerminated(string text)
    {
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
