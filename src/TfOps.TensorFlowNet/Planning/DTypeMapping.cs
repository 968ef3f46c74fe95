namespace TfOps.TensorFlowNet.Planning;

/// <summary>TensorFlow.NET's <c>TF_DataType</c> numbers to the kernel's <see cref="TfDataType"/>.</summary>
internal static class DTypeMapping
{
    // TensorFlow.NET numbers reference dtypes as the base dtype + 100 (DtFloatRef = 101, ...).
    private const int ReferenceOffset = 100;

    /// <summary>True for a reference dtype (101..123).</summary>
    public static bool IsReference(int tfDataType) =>
        tfDataType > ReferenceOffset && tfDataType <= ReferenceOffset + (int)TfDataType.UInt64;

    /// <summary>The base dtype number: a reference dtype minus 100, anything else unchanged.</summary>
    public static int ToBase(int tfDataType) => IsReference(tfDataType) ? tfDataType - ReferenceOffset : tfDataType;

    /// <summary>
    /// The kernel dtype with the same number. Dtypes the op rejects (bool, string, ...) map too, so the
    /// kernel's check produces TensorFlow's "not in the list of allowed values" text for them.
    /// </summary>
    public static TfDataType ToKernel(int tfDataType) => (TfDataType)ToBase(tfDataType);
}
