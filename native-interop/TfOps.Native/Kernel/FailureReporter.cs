using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Kernel;

/// <summary>
/// Turns an exception caught at the native boundary into TF_SetStatus + the context's failure
/// call. It never throws: it runs inside callbacks, where an escaping exception ends the process.
/// </summary>
internal static unsafe class FailureReporter
{
    /// <summary>Reports a compute failure with TF_OpKernelContext_Failure.</summary>
    public static void Report(KernelApi api, TfOpKernelContext* context, Exception error) // TF_OpKernelContext*
    {
        try
        {
            using StatusHandle status = StatusHandle.Create(api.Status);
            (TfCode code, string message) = Describe(error);
            status.Set(code, message);
            api.Kernels.OpKernelContextFailure(context, status.Pointer);
        }
        catch (Exception)
        {
            // Nothing left to report with (TensorFlow could not even allocate a status).
        }
    }

    /// <summary>Reports a construction failure with TF_OpKernelConstruction_Failure.</summary>
    public static void Report(KernelApi api, TfOpKernelConstruction* construction, Exception error) // TF_OpKernelConstruction*
    {
        try
        {
            using StatusHandle status = StatusHandle.Create(api.Status);
            (TfCode code, string message) = Describe(error);
            status.Set(code, message);
            api.Kernels.OpKernelConstructionFailure(construction, status.Pointer);
        }
        catch (Exception)
        {
            // As above: the failure cannot be reported, and it must not escape.
        }
    }

    /// <summary>The TF_Code and text for an exception: a TfOpsException keeps TensorFlow's code and message.</summary>
    internal static (TfCode Code, string Message) Describe(Exception error) => error switch
    {
        TfOpsException tf => (tf.Code, tf.Message),
        OutOfMemoryException => (TfCode.ResourceExhausted, $"TfOps BiasAddGrad: {error.Message}"),
        _ => (TfCode.Internal, $"TfOps BiasAddGrad: {error.GetType().Name}: {error.Message}"),
    };
}
