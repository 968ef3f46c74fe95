using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

/// <summary>
/// The fake's C functions, one partial file per TensorFlow header. Each is an
/// <c>[UnmanagedCallersOnly]</c> static with the exact C signature (opaque pointers as nint), so the
/// plugin calls them through the same unmanaged function pointers it would use with TensorFlow.
/// </summary>
internal static unsafe partial class FakeExports
{
    /// <summary>Symbol name to function address, like a native library's export table.</summary>
    public static IReadOnlyDictionary<string, nint> Table { get; } = BuildTable();

    private static FakeTensorFlow Fake => FakeTensorFlow.Active;

    private static string Utf8(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;

    // An exception must not unwind into the (unmanaged) caller: record it for the test to fail on.
    private static void Guard(Action body, [CallerMemberName] string name = "")
    {
        try
        {
            body();
        }
        catch (Exception e)
        {
            FakeTensorFlow.Active.Errors.Enqueue($"{name}: {e.Message}");
        }
    }

    private static T Guard<T>(Func<T> body, T fallback, [CallerMemberName] string name = "")
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            FakeTensorFlow.Active.Errors.Enqueue($"{name}: {e.Message}");
            return fallback;
        }
    }

    private static Dictionary<string, nint> BuildTable() => new()
    {
        ["TF_NewStatus"] = (nint)(delegate* unmanaged[Cdecl]<nint>)&TF_NewStatus,
        ["TF_DeleteStatus"] = (nint)(delegate* unmanaged[Cdecl]<nint, void>)&TF_DeleteStatus,
        ["TF_SetStatus"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, byte*, void>)&TF_SetStatus,
        ["TF_GetCode"] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&TF_GetCode,
        ["TF_Message"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*>)&TF_Message,

        ["TF_TensorData"] = (nint)(delegate* unmanaged[Cdecl]<nint, void*>)&TF_TensorData,
        ["TF_NumDims"] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&TF_NumDims,
        ["TF_Dim"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, long>)&TF_Dim,
        ["TF_TensorType"] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&TF_TensorType,
        ["TF_TensorElementCount"] = (nint)(delegate* unmanaged[Cdecl]<nint, long>)&TF_TensorElementCount,
        ["TF_TensorByteSize"] = (nint)(delegate* unmanaged[Cdecl]<nint, nuint>)&TF_TensorByteSize,
        ["TF_DeleteTensor"] = (nint)(delegate* unmanaged[Cdecl]<nint, void>)&TF_DeleteTensor,

        ["TF_NewKernelBuilder"] = (nint)(delegate* unmanaged[Cdecl]<byte*, byte*, nint, nint, nint, nint>)&TF_NewKernelBuilder,
        ["TF_DeleteKernelBuilder"] = (nint)(delegate* unmanaged[Cdecl]<nint, void>)&TF_DeleteKernelBuilder,
        ["TF_KernelBuilder_TypeConstraint"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int, nint, void>)&TF_KernelBuilder_TypeConstraint,
        ["TF_KernelBuilder_HostMemory"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, void>)&TF_KernelBuilder_HostMemory,
        ["TF_KernelBuilder_Priority"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, void>)&TF_KernelBuilder_Priority,
        ["TF_KernelBuilder_Label"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, void>)&TF_KernelBuilder_Label,
        ["TF_RegisterKernelBuilder"] = (nint)(delegate* unmanaged[Cdecl]<byte*, nint, nint, void>)&TF_RegisterKernelBuilder,
        ["TF_GetInput"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, nint*, nint, void>)&TF_GetInput,
        ["TF_AllocateOutput"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, long*, int, nuint, nint, nint>)&TF_AllocateOutput,
        ["TF_InputDatatype"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&TF_InputDatatype,
        ["TF_ExpectedOutputDataType"] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&TF_ExpectedOutputDataType,
        ["TF_OpKernelContext_Failure"] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, void>)&TF_OpKernelContext_Failure,
        ["TF_OpKernelConstruction_Failure"] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, void>)&TF_OpKernelConstruction_Failure,
        ["TF_OpKernelConstruction_GetAttrSize"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int*, int*, nint, void>)&TF_OpKernelConstruction_GetAttrSize,
        ["TF_OpKernelConstruction_GetAttrString"] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, byte*, nuint, nint, void>)&TF_OpKernelConstruction_GetAttrString,
    };
}
