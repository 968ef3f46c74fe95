using System.Runtime.InteropServices;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// A <c>TF_Tensor*</c> wrapper the plugin owns (from TF_GetInput or TF_AllocateOutput), released
/// with TF_DeleteTensor. Deleting the wrapper leaves TensorFlow's buffer alone: it is shared.
/// </summary>
internal sealed unsafe class TensorHandle : SafeHandle
{
    private readonly NativeTensor _api;

    /// <summary>Takes ownership of <paramref name="tensor"/>, which may be null (nothing to release).</summary>
    public TensorHandle(NativeTensor api, TfTensor* tensor) : base(0, ownsHandle: true) // TF_Tensor*
    {
        _api = api;
        SetHandle((nint)tensor);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw <c>TF_Tensor*</c>; valid while this handle is alive (callers hold it in <c>using</c>).</summary>
    public TfTensor* Pointer => (TfTensor*)handle;

    protected override bool ReleaseHandle()
    {
        _api.DeleteTensor((TfTensor*)handle);
        return true;
    }
}
