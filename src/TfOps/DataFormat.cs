namespace TfOps;

/// <summary>Memory layout of the input: where the channel axis is.</summary>
public enum DataFormat
{
    /// <summary>Channel last, at every rank (TensorFlow's default).</summary>
    NHWC = 0,

    /// <summary>Channel at axis 1, at every rank (TensorFlow's CPU kernel; rank 2 gives column sums).</summary>
    NCHW = 1,
}
