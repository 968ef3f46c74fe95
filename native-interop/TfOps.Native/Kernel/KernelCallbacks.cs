using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Kernel;

/// <summary>
/// The three functions TensorFlow calls. Static <c>[UnmanagedCallersOnly]</c> methods, so their
/// addresses stay valid for the whole process (no delegate to be collected); each catches
/// everything, because a managed exception unwinding into TensorFlow's C++ frames ends the process.
/// </summary>
internal static unsafe class KernelCallbacks
{
    private static long s_computes;

    /// <summary>Compute calls TensorFlow has made into this process's kernel, successful or not.</summary>
    public static long Computes => Interlocked.Read(ref s_computes);

    /// <summary><c>void* (*create_func)(TF_OpKernelConstruction*)</c>: parses data_format once per node.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void* Create(TfOpKernelConstruction* construction) // TF_OpKernelConstruction*
    {
        PluginRuntime.Snapshot? runtime = PluginRuntime.Current;
        if (runtime is null)
        {
            return null; // unreachable: TensorFlow only knows these callbacks after Install
        }

        try
        {
            using StatusHandle status = StatusHandle.Create(runtime.Api.Status);
            return KernelState.Allocate(DataFormatAttr.Read(runtime.Api, construction, status));
        }
        catch (Exception error)
        {
            FailureReporter.Report(runtime.Api, construction, error);
            return null;
        }
    }

    /// <summary><c>void (*compute_func)(void* kernel, TF_OpKernelContext*)</c>: re-entrant; runs on TensorFlow's threads.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void Compute(void* kernel, TfOpKernelContext* context) // kernel: KernelState* from Create; TF_OpKernelContext*
    {
        PluginRuntime.Snapshot? runtime = PluginRuntime.Current;
        if (runtime is null)
        {
            return;
        }

        Interlocked.Increment(ref s_computes);
        try
        {
            var state = (KernelState*)kernel;
            if (state is null)
            {
                throw new TfOpsException(TfCode.FailedPrecondition, "BiasAddGrad kernel was not constructed");
            }

            KernelCompute.Run(runtime, state->Format, context);
        }
        catch (Exception error)
        {
            FailureReporter.Report(runtime.Api, context, error);
        }
    }

    /// <summary><c>void (*delete_func)(void* kernel)</c>: frees what Create returned (null when create failed).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static void Delete(void* kernel) => KernelState.Free((KernelState*)kernel); // KernelState* from Create
}
