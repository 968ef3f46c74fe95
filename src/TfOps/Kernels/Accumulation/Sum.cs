namespace TfOps.Kernels.Accumulation;

/// <summary>
/// A running sum of some lanes: <see cref="Hi"/>, and, for compensated accumulation, <see cref="Lo"/>,
/// the running sum of the exact rounding errors of the additions into <see cref="Hi"/> (their true
/// total is <c>Hi + Lo</c> up to the error of adding the errors). Uncompensated sums leave Lo unused
/// (the JIT drops it).
/// </summary>
/// <typeparam name="TVec">A register of lanes, or one lane.</typeparam>
internal struct Sum<TVec>
    where TVec : unmanaged
{
    public TVec Hi;
    public TVec Lo;

    public Sum(TVec hi, TVec lo)
    {
        Hi = hi;
        Lo = lo;
    }
}
