namespace TfOps.Native;

/// <summary>A tensor TensorFlow returned, copied out of TensorFlow's memory.</summary>
public sealed class TensorFlowTensor
{
    internal TensorFlowTensor(TfDataType dataType, long[] shape, byte[] data)
    {
        DataType = dataType;
        Shape = shape;
        Data = data;
    }

    /// <summary>The tensor's dtype, as TensorFlow reports it (TF_TensorType).</summary>
    public TfDataType DataType { get; }

    /// <summary>The tensor's shape, as TensorFlow reports it (for BiasAddGrad: [C]).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The elements' storage bytes, little-endian and in C order, exactly TF_TensorByteSize of them.</summary>
    public ReadOnlyMemory<byte> Data { get; }
}
