using System.Runtime.InteropServices;
using System.Text;
using TfOps.Native.CApi;

namespace TfOps.Native.Interop;

/// <summary>
/// A <c>TF_Status*</c> created by the plugin (TF_NewStatus) and released with TF_DeleteStatus.
/// <see cref="ThrowIfFailed"/> is the one place a native status becomes a managed exception, for the
/// kernel API and the eager API alike.
/// </summary>
internal sealed unsafe class StatusHandle : SafeHandle
{
    private readonly NativeStatus _api;

    private StatusHandle(NativeStatus api, TfStatus* status) : base(0, ownsHandle: true) // TF_Status*
    {
        _api = api;
        SetHandle((nint)status);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>
    /// The raw <c>TF_Status*</c>. Only valid while this handle is alive; every caller holds the
    /// handle in a <c>using</c> scope around the native call, so it cannot be released meanwhile.
    /// </summary>
    public TfStatus* Pointer => (TfStatus*)handle;

    /// <summary>Creates a status; ResourceExhausted when TensorFlow cannot allocate one.</summary>
    public static StatusHandle Create(NativeStatus api)
    {
        var status = new StatusHandle(api, api.NewStatus());
        return !status.IsInvalid
            ? status
            : throw new TfOpsException(TfCode.ResourceExhausted, "TF_NewStatus returned NULL");
    }

    /// <summary>
    /// Throws a <see cref="TfOpsException"/> with the status's code and TensorFlow's core message
    /// (<see cref="TensorFlowMessage.Core"/>) unless the status is OK.
    /// </summary>
    public void ThrowIfFailed()
    {
        int code = _api.GetCode(Pointer);
        if (code != (int)TfCode.Ok)
        {
            string message = Marshal.PtrToStringUTF8((nint)_api.Message(Pointer)) ?? string.Empty;
            throw new TfOpsException((TfCode)code, TensorFlowMessage.Core(message));
        }
    }

    /// <summary>Sets the status to a code and message (TensorFlow copies the message).</summary>
    public void Set(TfCode code, string message)
    {
        int length = Encoding.UTF8.GetByteCount(message);
        byte[] text = new byte[length + 1]; // + NUL: TF_SetStatus takes a C string
        Encoding.UTF8.GetBytes(message, text);
        fixed (byte* p = text) // const char* msg
        {
            _api.SetStatus(Pointer, (int)code, p);
        }
    }

    protected override bool ReleaseHandle()
    {
        _api.DeleteStatus((TfStatus*)handle);
        return true;
    }
}
