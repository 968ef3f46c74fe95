using System.Runtime.InteropServices;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// A <c>TFE_TensorHandle*</c> this process owns (from TFE_NewTensorHandle or TFE_Execute), released
/// with TFE_DeleteTensorHandle. An op that took it as an input holds its own reference.
/// </summary>
internal sealed unsafe class EagerTensorHandle : SafeHandle
{
    private readonly NativeEager _api;

    /// <summary>Takes ownership of <paramref name="tensorHandle"/>, which may be null (nothing to release).</summary>
    public EagerTensorHandle(NativeEager api, TfeTensorHandle* tensorHandle) : base(0, ownsHandle: true) // TFE_TensorHandle*
    {
        _api = api;
        SetHandle((nint)tensorHandle);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw <c>TFE_TensorHandle*</c>; valid while this handle is alive (callers hold it in <c>using</c>).</summary>
    public TfeTensorHandle* Pointer => (TfeTensorHandle*)handle;

    protected override bool ReleaseHandle()
    {
        _api.DeleteTensorHandle((TfeTensorHandle*)handle);
        return true;
    }
}
