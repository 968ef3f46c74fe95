using TfOps.Native.Interop;

namespace TfOps.Native.CApi;

/// <summary>The functions of tensorflow/c/tf_tensor.h the plugin calls, resolved at run time.</summary>
internal sealed unsafe class NativeTensor
{
    public NativeTensor(SymbolBinder bind)
    {
        TensorData = (delegate* unmanaged[Cdecl]<TfTensor*, void*>)bind.Required("TF_TensorData");
        NumDims = (delegate* unmanaged[Cdecl]<TfTensor*, int>)bind.Required("TF_NumDims");
        Dim = (delegate* unmanaged[Cdecl]<TfTensor*, int, long>)bind.Required("TF_Dim");
        TensorType = (delegate* unmanaged[Cdecl]<TfTensor*, int>)bind.Required("TF_TensorType");
        TensorElementCount = (delegate* unmanaged[Cdecl]<TfTensor*, long>)bind.Required("TF_TensorElementCount");
        TensorByteSize = (delegate* unmanaged[Cdecl]<TfTensor*, nuint>)bind.Required("TF_TensorByteSize");
        DeleteTensor = (delegate* unmanaged[Cdecl]<TfTensor*, void>)bind.Required("TF_DeleteTensor");
    }

    /// <summary><c>void* TF_TensorData(const TF_Tensor*);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, void*> TensorData;

    /// <summary><c>int TF_NumDims(const TF_Tensor*);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, int> NumDims;

    /// <summary><c>int64_t TF_Dim(const TF_Tensor* tensor, int dim_index);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, int, long> Dim;

    /// <summary><c>TF_DataType TF_TensorType(const TF_Tensor*);</c> (TF_DataType is a C enum: int)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, int> TensorType;

    /// <summary><c>int64_t TF_TensorElementCount(const TF_Tensor* tensor);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, long> TensorElementCount;

    /// <summary><c>size_t TF_TensorByteSize(const TF_Tensor*);</c></summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, nuint> TensorByteSize;

    /// <summary><c>void TF_DeleteTensor(TF_Tensor*);</c> (frees the wrapper; the buffer stays TensorFlow's)</summary>
    public readonly delegate* unmanaged[Cdecl]<TfTensor*, void> DeleteTensor;
}
