using System.Runtime.InteropServices;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// A <c>TF_KernelBuilder*</c> until TF_RegisterKernelBuilder takes ownership of it; one that is
/// never registered (a type constraint failed) is released with TF_DeleteKernelBuilder.
/// </summary>
internal sealed unsafe class KernelBuilderHandle : SafeHandle
{
    private readonly NativeKernels _api;

    /// <summary>Takes ownership of <paramref name="builder"/>; ResourceExhausted when it is null.</summary>
    public KernelBuilderHandle(NativeKernels api, TfKernelBuilder* builder) : base(0, ownsHandle: true) // TF_KernelBuilder*
    {
        _api = api;
        SetHandle((nint)builder);
        if (IsInvalid)
        {
            throw new TfOpsException(TfCode.ResourceExhausted, "TF_NewKernelBuilder returned NULL");
        }
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw <c>TF_KernelBuilder*</c>; valid while this handle owns it.</summary>
    public TfKernelBuilder* Pointer => (TfKernelBuilder*)handle;

    /// <summary>Gives the builder away (to TF_RegisterKernelBuilder): this handle will not delete it.</summary>
    public TfKernelBuilder* Release()
    {
        var builder = (TfKernelBuilder*)handle; // TF_KernelBuilder*
        SetHandleAsInvalid();
        return builder;
    }

    protected override bool ReleaseHandle()
    {
        _api.DeleteKernelBuilder((TfKernelBuilder*)handle);
        return true;
    }
}
