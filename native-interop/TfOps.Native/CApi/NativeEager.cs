using TfOps.Native.Interop;

namespace TfOps.Native.CApi;

/// <summary>
/// The functions of tensorflow/c/eager/c_api.h that run one op eagerly, plus the two that header
/// relies on from elsewhere: TF_AllocateTensor (tf_tensor.h) and TF_Version (c_api.h). All of them
/// live in libtensorflow; the accessors of tf_tensor.h and tf_status.h come from the tables the
/// kernel API shares (<see cref="NativeTensor"/>, <see cref="NativeStatus"/>).
/// </summary>
internal sealed unsafe class NativeEager
{
    public NativeEager(SymbolBinder bind)
    {
        NewContextOptions = (delegate* unmanaged[Cdecl]<TfeContextOptions*>)bind.Required("TFE_NewContextOptions");
        ContextOptionsSetConfig = (delegate* unmanaged[Cdecl]<TfeContextOptions*, void*, nuint, TfStatus*, void>)bind.Required("TFE_ContextOptionsSetConfig");
        DeleteContextOptions = (delegate* unmanaged[Cdecl]<TfeContextOptions*, void>)bind.Required("TFE_DeleteContextOptions");
        NewContext = (delegate* unmanaged[Cdecl]<TfeContextOptions*, TfStatus*, TfeContext*>)bind.Required("TFE_NewContext");
        DeleteContext = (delegate* unmanaged[Cdecl]<TfeContext*, void>)bind.Required("TFE_DeleteContext");
        NewOp = (delegate* unmanaged[Cdecl]<TfeContext*, byte*, TfStatus*, TfeOp*>)bind.Required("TFE_NewOp");
        DeleteOp = (delegate* unmanaged[Cdecl]<TfeOp*, void>)bind.Required("TFE_DeleteOp");
        OpSetDevice = (delegate* unmanaged[Cdecl]<TfeOp*, byte*, TfStatus*, void>)bind.Required("TFE_OpSetDevice");
        OpSetAttrType = (delegate* unmanaged[Cdecl]<TfeOp*, byte*, int, void>)bind.Required("TFE_OpSetAttrType");
        OpSetAttrString = (delegate* unmanaged[Cdecl]<TfeOp*, byte*, void*, nuint, void>)bind.Required("TFE_OpSetAttrString");
        OpAddInput = (delegate* unmanaged[Cdecl]<TfeOp*, TfeTensorHandle*, TfStatus*, void>)bind.Required("TFE_OpAddInput");
        Execute = (delegate* unmanaged[Cdecl]<TfeOp*, TfeTensorHandle**, int*, TfStatus*, void>)bind.Required("TFE_Execute");
        NewTensorHandle = (delegate* unmanaged[Cdecl]<TfTensor*, TfStatus*, TfeTensorHandle*>)bind.Required("TFE_NewTensorHandle");
        DeleteTensorHandle = (delegate* unmanaged[Cdecl]<TfeTensorHandle*, void>)bind.Required("TFE_DeleteTensorHandle");
        TensorHandleResolve = (delegate* unmanaged[Cdecl]<TfeTensorHandle*, TfStatus*, TfTensor*>)bind.Required("TFE_TensorHandleResolve");
        AllocateTensor = (delegate* unmanaged[Cdecl]<int, long*, int, nuint, TfTensor*>)bind.Required("TF_AllocateTensor");
        Version = (delegate* unmanaged[Cdecl]<byte*>)bind.Required("TF_Version");
    }

    /// <summary><c>TFE_ContextOptions* TFE_NewContextOptions(void);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContextOptions*> NewContextOptions;

    /// <summary>
    /// <c>void TFE_ContextOptionsSetConfig(TFE_ContextOptions* options, const void* proto, size_t proto_len,
    /// TF_Status* status);</c> (a serialized ConfigProto)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContextOptions*, void*, nuint, TfStatus*, void> ContextOptionsSetConfig;

    /// <summary><c>void TFE_DeleteContextOptions(TFE_ContextOptions*);</c> (TFE_NewContext copied what it needs)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContextOptions*, void> DeleteContextOptions;

    /// <summary><c>TFE_Context* TFE_NewContext(const TFE_ContextOptions* opts, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContextOptions*, TfStatus*, TfeContext*> NewContext;

    /// <summary><c>void TFE_DeleteContext(TFE_Context* ctx);</c> (one argument in current TensorFlow; after every op of it)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContext*, void> DeleteContext;

    /// <summary><c>TFE_Op* TFE_NewOp(TFE_Context* ctx, const char* op_or_function_name, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfeContext*, byte*, TfStatus*, TfeOp*> NewOp;

    /// <summary><c>void TFE_DeleteOp(TFE_Op* op);</c> (before the context is deleted)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, void> DeleteOp;

    /// <summary><c>void TFE_OpSetDevice(TFE_Op* op, const char* device_name, TF_Status* status);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, byte*, TfStatus*, void> OpSetDevice;

    /// <summary><c>void TFE_OpSetAttrType(TFE_Op* op, const char* attr_name, TF_DataType value);</c> (the first value set wins)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, byte*, int, void> OpSetAttrType;

    /// <summary>
    /// <c>void TFE_OpSetAttrString(TFE_Op* op, const char* attr_name, const void* value, size_t length);</c>
    /// (<c>length</c> is a byte count, no NUL is read; the first value set wins; no status)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, byte*, void*, nuint, void> OpSetAttrString;

    /// <summary><c>void TFE_OpAddInput(TFE_Op* op, TFE_TensorHandle* h, TF_Status* status);</c> (the op takes its own reference)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, TfeTensorHandle*, TfStatus*, void> OpAddInput;

    /// <summary>
    /// <c>void TFE_Execute(TFE_Op* op, TFE_TensorHandle** retvals, int* num_retvals, TF_Status* status);</c>
    /// (<c>*num_retvals</c> in: the array's size; out: the outputs; the caller owns every returned handle)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<TfeOp*, TfeTensorHandle**, int*, TfStatus*, void> Execute;

    /// <summary><c>TFE_TensorHandle* TFE_NewTensorHandle(const TF_Tensor* t, TF_Status* status);</c> (does not take ownership of t)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, TfStatus*, TfeTensorHandle*> NewTensorHandle;

    /// <summary><c>void TFE_DeleteTensorHandle(TFE_TensorHandle* h);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfeTensorHandle*, void> DeleteTensorHandle;

    /// <summary><c>TF_Tensor* TFE_TensorHandleResolve(TFE_TensorHandle* h, TF_Status* status);</c> (a new tensor the caller deletes)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfeTensorHandle*, TfStatus*, TfTensor*> TensorHandleResolve;

    /// <summary>
    /// <c>TF_Tensor* TF_AllocateTensor(TF_DataType, const int64_t* dims, int num_dims, size_t len);</c>
    /// (tf_tensor.h; TensorFlow-aligned memory the caller fills; NULL when len is too small)
    /// </summary>
    public readonly delegate* unmanaged[Cdecl]<int, long*, int, nuint, TfTensor*> AllocateTensor;

    /// <summary><c>const char* TF_Version(void);</c> (c_api.h; a static string)</summary>
    public readonly delegate* unmanaged[Cdecl]<byte*> Version;
}
