using TfOps.Native.Interop;

namespace TfOps.Native.CApi;

/// <summary>
/// The functions of tensorflow/c/kernels.h the plugin calls, resolved at run time. Optional ones
/// (newer TensorFlow only) are null when the library lacks them; callers check before use.
/// </summary>
internal sealed unsafe class NativeKernels
{
    public NativeKernels(SymbolBinder bind)
    {
        NewKernelBuilder = (delegate* unmanaged[Cdecl]<byte*, byte*, delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, void*>, delegate* unmanaged[Cdecl]<void*, TfOpKernelContext*, void>, delegate* unmanaged[Cdecl]<void*, void>, TfKernelBuilder*>)bind.Required("TF_NewKernelBuilder");
        DeleteKernelBuilder = (delegate* unmanaged[Cdecl]<TfKernelBuilder*, void>)bind.Required("TF_DeleteKernelBuilder");
        TypeConstraint = (delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, int, TfStatus*, void>)bind.Required("TF_KernelBuilder_TypeConstraint");
        Priority = (delegate* unmanaged[Cdecl]<TfKernelBuilder*, int, void>)bind.Required("TF_KernelBuilder_Priority");
        RegisterKernelBuilder = (delegate* unmanaged[Cdecl]<byte*, TfKernelBuilder*, TfStatus*, void>)bind.Required("TF_RegisterKernelBuilder");
        GetInput = (delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, TfTensor**, TfStatus*, void>)bind.Required("TF_GetInput");
        AllocateOutput = (delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int, long*, int, nuint, TfStatus*, TfTensor*>)bind.Required("TF_AllocateOutput");
        OpKernelContextFailure = (delegate* unmanaged[Cdecl]<TfOpKernelContext*, TfStatus*, void>)bind.Required("TF_OpKernelContext_Failure");
        OpKernelConstructionFailure = (delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, TfStatus*, void>)bind.Required("TF_OpKernelConstruction_Failure");
        GetAttrSize = (delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, byte*, int*, int*, TfStatus*, void>)bind.Required("TF_OpKernelConstruction_GetAttrSize");
        GetAttrString = (delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, byte*, byte*, nuint, TfStatus*, void>)bind.Required("TF_OpKernelConstruction_GetAttrString");

        Label = (delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, void>)bind.Optional("TF_KernelBuilder_Label");
        HostMemory = (delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, void>)bind.Optional("TF_KernelBuilder_HostMemory");
        InputDatatype = (delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int>)bind.Optional("TF_InputDatatype");
        ExpectedOutputDataType = (delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int>)bind.Optional("TF_ExpectedOutputDataType");
    }

    /// <summary>
    /// <c>TF_KernelBuilder* TF_NewKernelBuilder(const char* op_name, const char* device_name,
    /// void* (*create_func)(TF_OpKernelConstruction*), void (*compute_func)(void*, TF_OpKernelContext*),
    /// void (*delete_func)(void*));</c>
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<byte*, byte*, delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, void*>, delegate* unmanaged[Cdecl]<void*, TfOpKernelContext*, void>, delegate* unmanaged[Cdecl]<void*, void>, TfKernelBuilder*> NewKernelBuilder;

    /// <summary><c>void TF_DeleteKernelBuilder(TF_KernelBuilder* builder);</c> (only for a builder never registered)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfKernelBuilder*, void> DeleteKernelBuilder;

    /// <summary><c>void TF_KernelBuilder_TypeConstraint(TF_KernelBuilder* kernel_builder, const char* attr_name, const TF_DataType type, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, int, TfStatus*, void> TypeConstraint;

    /// <summary><c>void TF_KernelBuilder_Priority(TF_KernelBuilder* kernel_builder, int32_t priority_number);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfKernelBuilder*, int, void> Priority;

    /// <summary><c>void TF_RegisterKernelBuilder(const char* kernel_name, TF_KernelBuilder* builder, TF_Status* status);</c> (takes ownership of the builder)</summary>
    public readonly delegate* unmanaged[Cdecl]<byte*, TfKernelBuilder*, TfStatus*, void> RegisterKernelBuilder;

    /// <summary><c>void TF_GetInput(TF_OpKernelContext* ctx, int i, TF_Tensor** tensor, TF_Status* status);</c> (caller deletes *tensor)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, TfTensor**, TfStatus*, void> GetInput;

    /// <summary>
    /// <c>TF_Tensor* TF_AllocateOutput(TF_OpKernelContext* context, int index, TF_DataType dtype,
    /// const int64_t* dims, int num_dims, size_t len, TF_Status* status);</c> (caller deletes the result)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int, long*, int, nuint, TfStatus*, TfTensor*> AllocateOutput;

    /// <summary><c>void TF_OpKernelContext_Failure(TF_OpKernelContext* ctx, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelContext*, TfStatus*, void> OpKernelContextFailure;

    /// <summary><c>void TF_OpKernelConstruction_Failure(TF_OpKernelConstruction* ctx, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, TfStatus*, void> OpKernelConstructionFailure;

    /// <summary>
    /// <c>void TF_OpKernelConstruction_GetAttrSize(TF_OpKernelConstruction* ctx, const char* attr_name,
    /// int32_t* list_size, int32_t* total_size, TF_Status* status);</c>
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, byte*, int*, int*, TfStatus*, void> GetAttrSize;

    /// <summary>
    /// <c>void TF_OpKernelConstruction_GetAttrString(TF_OpKernelConstruction* ctx, const char* attr_name,
    /// char* val, size_t max_length, TF_Status* status);</c> (copies no NUL terminator)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelConstruction*, byte*, byte*, nuint, TfStatus*, void> GetAttrString;

    /// <summary><c>void TF_KernelBuilder_Label(TF_KernelBuilder* kernel_builder, const char* label);</c> (TensorFlow 2.10+; null when absent)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, void> Label;

    /// <summary>
    /// <c>void TF_KernelBuilder_HostMemory(TF_KernelBuilder* kernel_builder, const char* arg_name);</c>
    /// (null when absent). Bound so that the table mirrors kernels.h, but never called: the plugin
    /// registers on CPU only, where every argument already lives in host memory.
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfKernelBuilder*, byte*, void> HostMemory;

    /// <summary><c>TF_DataType TF_InputDatatype(TF_OpKernelContext*, int index);</c> (newer TensorFlow; null when absent)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int> InputDatatype;

    /// <summary><c>TF_DataType TF_ExpectedOutputDataType(TF_OpKernelContext* ctx, int i);</c> (null when absent)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfOpKernelContext*, int, int> ExpectedOutputDataType;
}
