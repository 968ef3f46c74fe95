using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Eager;

/// <summary>Creates the one <c>TFE_Context</c> a <see cref="TensorFlowReference"/> runs its ops in.</summary>
internal static unsafe class EagerContext
{
    // A serialized ConfigProto: intra_op_parallelism_threads (field 2) = 1 and
    // inter_op_parallelism_threads (field 5) = 1, each a varint (tag, value). TensorFlow's float sums
    // change in the last bits with the intra-op thread count; one thread makes a run repeatable on
    // any machine, as the Python exporter's tf.config.threading settings do.
    private static ReadOnlySpan<byte> OneThreadConfig => [0x10, 0x01, 0x28, 0x01];

    /// <summary>A new context on one intra-op thread, synchronous (the C API's default).</summary>
    public static ContextHandle Create(EagerApi api)
    {
        using StatusHandle status = StatusHandle.Create(api.Status);
        TfeContextOptions* options = api.Eager.NewContextOptions(); // TFE_ContextOptions*, deleted below on every path
        if (options is null)
        {
            throw new TfOpsException(TfCode.ResourceExhausted, "TFE_NewContextOptions returned NULL");
        }

        try
        {
            fixed (byte* config = OneThreadConfig) // const void* proto
            {
                api.Eager.ContextOptionsSetConfig(options, config, (nuint)OneThreadConfig.Length, status.Pointer);
            }

            status.ThrowIfFailed();
            var context = new ContextHandle(api.Eager, api.Eager.NewContext(options, status.Pointer));
            try
            {
                status.ThrowIfFailed();
                return !context.IsInvalid ? context : throw new TfOpsException(TfCode.Internal, "TFE_NewContext returned NULL with an OK status");
            }
            catch
            {
                context.Dispose();
                throw;
            }
        }
        finally
        {
            // TFE_NewContext copied what it needs from the options.
            api.Eager.DeleteContextOptions(options);
        }
    }
}
