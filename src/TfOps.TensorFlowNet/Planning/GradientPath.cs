namespace TfOps.TensorFlowNet.Planning;

/// <summary>Who computes a bias gradient.</summary>
internal enum GradientPath
{
    /// <summary>The TfOps kernel, on the eager tensor's host buffer, right now.</summary>
    ManagedKernel,

    /// <summary>TensorFlow's op (BiasAddGrad, or Reshape+Tile for second order), served by TensorFlow's kernel registry.</summary>
    TensorFlowOp,
}

/// <summary>What is known about the incoming gradient's memory.</summary>
/// <param name="IsConcrete">An eager tensor with a value (not a symbolic graph tensor).</param>
/// <param name="HasPointer">Its host buffer pointer is non-null.</param>
/// <param name="Bytes">Its size in bytes, or -1 when not computable.</param>
internal readonly record struct HostBuffer(bool IsConcrete, bool HasPointer, long Bytes)
{
    /// <summary>Spans are int-sized, so larger buffers go to TensorFlow's op instead.</summary>
    public bool IsReadableAsSpan => IsConcrete && Bytes is >= 0 and <= int.MaxValue && (HasPointer || Bytes == 0);
}
