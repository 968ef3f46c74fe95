using System.Numerics;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// Issue 12's accuracy target for one output lane, checked with exact integers. With S the exact sum
/// of the lane's terms and A the sum of their magnitudes:
/// <list type="bullet">
/// <item>when rounding S to the output type overflows, the result is that infinity;</item>
/// <item>when |S| &gt;= 2^-10 A, the result is faithful: one of the two output-type numbers around S
/// (S itself when representable);</item>
/// <item>otherwise it is within half an ulp (of the output type, at the result) of some V with
/// |V - S| &lt;= 2^-k A: k = 32 for float32, complex64, float16 and bfloat16, k = 61 for float64 and
/// complex128.</item>
/// </list>
/// </summary>
internal static class AccuracyTarget
{
    /// <summary>|S| / A at or above 2^-FaithfulBelow promises a faithful result.</summary>
    public const int FaithfulBelow = 10;

    /// <summary>k for the output format: the error allowed before the final rounding is 2^-k A.</summary>
    public static int ErrorExponent(FloatFormat output) => output.Precision == 53 ? 61 : 32;

    /// <summary>Null when <paramref name="result"/> meets the target, else why not.</summary>
    public static string? Check(FloatFormat output, double result, BigInteger exact, BigInteger magnitudes)
    {
        BigInteger nearest = output.RoundNearest(exact);
        if (BigInteger.Abs(nearest) == output.Beyond)
        {
            double infinity = nearest.Sign > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            return result == infinity ? null : $"S = {Show(exact)} rounds to {infinity} in {output.Name}, got {result}";
        }

        if (double.IsNaN(result))
        {
            return $"got NaN for S = {Show(exact)}";
        }

        var (down, up) = output.Neighbours(exact);
        if (double.IsInfinity(result))
        {
            // Only the faithful case can allow an infinity: S between the largest finite number and the overflow midpoint.
            return BigInteger.Abs(up) == output.Beyond && Math.Sign(result) == up.Sign && IsFaithfulCase(exact, magnitudes)
                ? null
                : $"got {result} for S = {Show(exact)} (rounds to {Show(nearest)} in {output.Name})";
        }

        BigInteger r = FloatFormat.Scale(result);
        if (IsFaithfulCase(exact, magnitudes))
        {
            return r == down || r == up
                ? null
                : $"not faithful: got {result:R} for S = {Show(exact)}, neighbours {Show(down)} and {Show(up)} in {output.Name} (|S|/A = {Ratio(exact, magnitudes):E3})";
        }

        // |r - S| <= ulp(r)/2 + 2^-k A, times 2^(k+1) to stay in integers.
        int k = ErrorExponent(output);
        BigInteger ulp = BigInteger.One << (output.QuantumExponent(r) + ExactSum.FractionBits);
        BigInteger left = BigInteger.Abs(r - exact) << (k + 1);
        BigInteger right = (ulp << k) + (magnitudes << 1);
        return left <= right
            ? null
            : $"got {result:R} for S = {Show(exact)}: |r - S| = {Show(BigInteger.Abs(r - exact))} exceeds ulp(r)/2 + 2^-{k} A = {Show(ulp / 2)} + {Show(magnitudes)} * 2^-{k} ({output.Name})";
    }

    private static bool IsFaithfulCase(BigInteger exact, BigInteger magnitudes) =>
        (BigInteger.Abs(exact) << FaithfulBelow) >= magnitudes;

    private static double Ratio(BigInteger exact, BigInteger magnitudes) =>
        magnitudes.IsZero ? 0 : Math.Exp(BigInteger.Log(BigInteger.Abs(exact) + 1) - BigInteger.Log(magnitudes));

    private static string Show(BigInteger scaled) =>
        FloatFormat.ToDouble(scaled).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
