namespace TfOps.Kernels.Simd;

/// <summary>
/// One SIMD width (512, 256, 128 bits, or scalar) seen through the few operations the reductions
/// need. Kernels are generic over it, so every width runs the same body and therefore the same
/// summation order; the JIT specializes each instantiation, so the indirection costs nothing.
/// Every operation is lane-wise (no horizontal step, no FMA), which is what makes the width invisible
/// in the result bits.
/// </summary>
/// <typeparam name="T">Lane type.</typeparam>
/// <typeparam name="TVec">The register type (Vector512&lt;T&gt;, ..., or T itself for scalar).</typeparam>
internal interface IWidth<T, TVec>
    where T : unmanaged
    where TVec : unmanaged
{
    /// <summary>Lanes per register.</summary>
    static abstract int Count { get; }

    static abstract TVec Zero { get; }

    static abstract TVec Load(ref T source);

    /// <summary><see cref="Count"/> float32 lanes widened to T (T is double; exact).</summary>
    static abstract TVec LoadWidened(ref float source);

    static abstract void Store(TVec value, ref T destination);

    static abstract TVec Add(TVec left, TVec right);
}
