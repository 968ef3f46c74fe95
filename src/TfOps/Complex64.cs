using System.Numerics;
using System.Runtime.InteropServices;

namespace TfOps;

/// <summary>Storage type for TensorFlow's complex64: two float32 values, real then imaginary.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex64 : IEquatable<Complex64>
{
    /// <summary>Creates a complex64 from its parts.</summary>
    public Complex64(float real, float imaginary)
    {
        Real = real;
        Imaginary = imaginary;
    }

    /// <summary>The real part.</summary>
    public float Real { get; }

    /// <summary>The imaginary part.</summary>
    public float Imaginary { get; }

    /// <summary>Widens to <see cref="Complex"/> exactly.</summary>
    public static implicit operator Complex(Complex64 value) => new(value.Real, value.Imaginary);

    /// <summary>Narrows each part of a <see cref="Complex"/> to float (round to nearest).</summary>
    public static explicit operator Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <summary>Widens to <see cref="Complex"/>.</summary>
    public Complex ToComplex() => this;

    /// <summary>Narrows a <see cref="Complex"/>.</summary>
    public static Complex64 FromComplex(Complex value) => (Complex64)value;

    /// <summary>Bitwise equality of both parts.</summary>
    public bool Equals(Complex64 other) =>
        BitConverter.SingleToInt32Bits(Real) == BitConverter.SingleToInt32Bits(other.Real) &&
        BitConverter.SingleToInt32Bits(Imaginary) == BitConverter.SingleToInt32Bits(other.Imaginary);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Complex64 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);

    /// <summary>Bitwise equality.</summary>
    public static bool operator ==(Complex64 left, Complex64 right) => left.Equals(right);

    /// <summary>Bitwise inequality.</summary>
    public static bool operator !=(Complex64 left, Complex64 right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({Real}, {Imaginary})");
}
