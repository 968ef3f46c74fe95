using System.Runtime.InteropServices;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// A <c>TFE_Context*</c>, released with TFE_DeleteContext (one argument). Calls hold it with
/// DangerousAddRef while their ops live, so the context is deleted only after the last op of it,
/// as eager/c_api.h requires, even when the owner disposes it while another thread is running one.
/// </summary>
internal sealed unsafe class ContextHandle : SafeHandle
{
    private readonly NativeEager _api;

    /// <summary>Takes ownership of <paramref name="context"/>, which may be null (nothing to release).</summary>
    public ContextHandle(NativeEager api, TfeContext* context) : base(0, ownsHandle: true) // TFE_Context*
    {
        _api = api;
        SetHandle((nint)context);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw <c>TFE_Context*</c>; valid while a reference taken with DangerousAddRef is held.</summary>
    public TfeContext* Pointer => (TfeContext*)handle;

    protected override bool ReleaseHandle()
    {
        _api.DeleteContext((TfeContext*)handle);
        return true;
    }
}
