namespace TfOps;

/// <summary>
/// Receives the storage type of a dtype from <see cref="TfDataTypes.Accept{TVisitor, TResult}(TfDataType, ref TVisitor)"/>:
/// the one place that maps a <see cref="TfDataType"/> to the .NET type its elements are stored as.
/// </summary>
/// <typeparam name="TResult">What the visit returns.</typeparam>
public interface IDataTypeVisitor<out TResult>
{
    /// <summary>
    /// Called with the storage type <typeparamref name="T"/>: float, double, Half, BFloat16,
    /// Complex64, System.Numerics.Complex, sbyte, byte, short, ushort, int, uint, long or ulong
    /// (the quantized dtypes as their storage integers).
    /// </summary>
    TResult Visit<T>()
        where T : unmanaged;
}
