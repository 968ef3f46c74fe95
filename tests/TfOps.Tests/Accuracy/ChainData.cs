using System.Numerics;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// Adversarial data for the longest chains of additions a plan makes (docs/kernel.md, "Accuracy"):
/// each chain opens with a big term B followed by small terms s too small to move a running sum of B
/// in an accumulator of a given precision (so a plain chain in that precision drops every one of them:
/// the worst rounding error a chain can make). For outputs rounded once (the float32 family,
/// <see cref="Cancels"/>), a parallel chain opens with -B, so the Bs cancel in the final fold and the
/// lost terms are what is left, and one term M puts |S| at about 2^-9 A, where the target asks for a
/// faithful result. For float64 outputs, whose promise is an error bound relative to A, every chain
/// is B followed by s: nothing cancels, so the dropped terms reach the largest share of A a chain of
/// that length can lose (about its length times 2^-53).
/// Values are given per accumulator lane (complex numbers are two lanes), by the lane's role.
/// </summary>
internal readonly record struct ChainData(double Big, double Small, double Marker, bool Cancels)
{
    /// <summary>What a lane holds.</summary>
    public enum Role
    {
        /// <summary>Opens a chain: B.</summary>
        Big,

        /// <summary>Follows B in its chain: s.</summary>
        Small,

        /// <summary>Opens a parallel chain: -B when the chains cancel, else B.</summary>
        Partner,

        /// <summary>Follows the partner in its chain: 0 when the chains cancel, else s.</summary>
        PartnerTail,

        /// <summary>One lane of a partner chain: M when the chains cancel, else s.</summary>
        Marker,
    }

    /// <summary>
    /// B and s for an input format: s is the largest number of the format below the absorption
    /// threshold (half an ulp of B in an accumulator of <paramref name="accumulatorPrecision"/> bits,
    /// divided by the terms added together before they meet the chain: 4 for the column strategy's
    /// groups, 1 for plane slots); where the format cannot reach that low (float16 against float64), its
    /// smallest positive number. The chains cancel unless the input is float64.
    /// </summary>
    public static ChainData For(FloatFormat input, int accumulatorPrecision, int termsPerStep)
    {
        int bigExponent = Math.Min(20, input.MaxExponent - 1);
        double big = Math.ScaleB(1, bigExponent);
        int threshold = bigExponent - accumulatorPrecision - (int)Math.Log2(termsPerStep);   // s < 2^threshold
        double small = Math.ScaleB((1L << input.Precision) - 1, threshold - input.Precision);
        double tiniest = Math.ScaleB(1, input.MinExponent - input.Precision + 1);
        return new ChainData(big, Math.Max(small, tiniest), 0, Cancels: input != FloatFormat.Double);
    }

    public double Value(Role role) => role switch
    {
        Role.Big => Big,
        Role.Small => Small,
        Role.Partner => Cancels ? -Big : Big,
        Role.PartnerTail => Cancels ? 0 : Small,
        _ => Cancels ? Marker : Small,
    };

    /// <summary>A power of two at least 2^-9 times <paramref name="magnitudes"/> (as a double): the marker for the faithful case.</summary>
    public static double MarkerFor(BigInteger magnitudes)
    {
        long bits = magnitudes.GetBitLength() - ExactSum.FractionBits;
        return Math.ScaleB(1, (int)bits - 9);
    }
}
