using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TfOps.Kernels.Simd;

/// <summary>512-bit registers.</summary>
internal readonly struct Width512<T> : IWidth<T, Vector512<T>>
    where T : unmanaged
{
    public static int Count => Vector512<T>.Count;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadWidened(ref float source) =>
        Vector512.WidenLower(Vector256.LoadUnsafe(ref source).ToVector512Unsafe()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> left, Vector512<T> right) => left + right;
}

/// <summary>256-bit registers.</summary>
internal readonly struct Width256<T> : IWidth<T, Vector256<T>>
    where T : unmanaged
{
    public static int Count => Vector256<T>.Count;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadWidened(ref float source) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref source).ToVector256Unsafe()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> left, Vector256<T> right) => left + right;
}

/// <summary>128-bit registers.</summary>
internal readonly struct Width128<T> : IWidth<T, Vector128<T>>
    where T : unmanaged
{
    public static int Count => Vector128<T>.Count;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source) => Vector128.LoadUnsafe(ref source);

    // Two floats are eight bytes: read them as one double's bits so nothing past them is touched.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadWidened(ref float source) =>
        Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> left, Vector128<T> right) => left + right;
}

/// <summary>
/// One lane at a time: the path taken without hardware intrinsics, and the tail of every vector
/// loop. Integer addition wraps (the project compiles unchecked).
/// </summary>
internal readonly struct WidthScalar<T> : IWidth<T, T>
    where T : unmanaged, INumberBase<T>
{
    public static int Count => 1;

    public static T Zero => T.AdditiveIdentity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(ref T source) => source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LoadWidened(ref float source) => Unsafe.BitCast<double, T>((double)source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, ref T destination) => destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T left, T right) => unchecked(left + right);
}
