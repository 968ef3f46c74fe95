namespace TfOps.Parity;

/// <summary>An array read from an .npy file: its storage bytes (little-endian, C order) and shape.</summary>
/// <param name="Dtype">The manifest dtype the file was checked against.</param>
/// <param name="Shape">The shape from the file's header (rank 0 is an empty shape).</param>
/// <param name="Data">Element storage: bfloat16 as bit patterns, quantized as their integers, complex64 as two floats.</param>
public sealed record NpyTensor(GoldenDtype Dtype, long[] Shape, byte[] Data);
