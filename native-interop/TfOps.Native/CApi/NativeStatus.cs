using TfOps.Native.Interop;

namespace TfOps.Native.CApi;

/// <summary>The functions of tensorflow/c/tf_status.h the plugin calls, resolved at run time.</summary>
internal sealed unsafe class NativeStatus
{
    public NativeStatus(SymbolBinder bind)
    {
        NewStatus = (delegate* unmanaged[Cdecl]<TfStatus*>)bind.Required("TF_NewStatus");
        DeleteStatus = (delegate* unmanaged[Cdecl]<TfStatus*, void>)bind.Required("TF_DeleteStatus");
        SetStatus = (delegate* unmanaged[Cdecl]<TfStatus*, int, byte*, void>)bind.Required("TF_SetStatus");
        GetCode = (delegate* unmanaged[Cdecl]<TfStatus*, int>)bind.Required("TF_GetCode");
        Message = (delegate* unmanaged[Cdecl]<TfStatus*, byte*>)bind.Required("TF_Message");
    }

    /// <summary><c>TF_Status* TF_NewStatus(void);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfStatus*> NewStatus;

    /// <summary><c>void TF_DeleteStatus(TF_Status*);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfStatus*, void> DeleteStatus;

    /// <summary><c>void TF_SetStatus(TF_Status* s, TF_Code code, const char* msg);</c> (TF_Code is a C enum: int)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfStatus*, int, byte*, void> SetStatus;

    /// <summary><c>TF_Code TF_GetCode(const TF_Status* s);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfStatus*, int> GetCode;

    /// <summary><c>const char* TF_Message(const TF_Status* s);</c> (NUL-terminated, owned by the status)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfStatus*, byte*> Message;
}
