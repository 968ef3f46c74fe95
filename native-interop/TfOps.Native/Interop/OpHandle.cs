using System.Runtime.InteropServices;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>A <c>TFE_Op*</c>, released with TFE_DeleteOp (which also drops the op's references to its inputs).</summary>
internal sealed unsafe class OpHandle : SafeHandle
{
    private readonly NativeEager _api;

    /// <summary>Takes ownership of <paramref name="op"/>, which may be null (nothing to release).</summary>
    public OpHandle(NativeEager api, TfeOp* op) : base(0, ownsHandle: true) // TFE_Op*
    {
        _api = api;
        SetHandle((nint)op);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw <c>TFE_Op*</c>; valid while this handle is alive (callers hold it in <c>using</c>).</summary>
    public TfeOp* Pointer => (TfeOp*)handle;

    protected override bool ReleaseHandle()
    {
        _api.DeleteOp((TfeOp*)handle);
        return true;
    }
}
