namespace TfOps.Kernels.Accumulation;

/// <summary>
/// The arithmetic of running sums held in registers, <see cref="Count"/> lanes at a time: how input
/// lanes become a running-sum state, how two states are added, how a state goes to and from scratch
/// memory. Every step is lane-wise (no horizontal step, no FMA), so the register width never shows in
/// the bits. The kernels' register loops are generic over it; <see cref="PlainLanes{TIn, TAcc, TVec, TW}"/>
/// and <see cref="CompensatedLanes{TIn, TAcc, TVec, TW}"/> implement it, and
/// <see cref="Lanes{TIn, TAcc, TVec, TW}"/> says which one a lane type takes.
/// </summary>
/// <typeparam name="TIn">The lane type the loops read.</typeparam>
/// <typeparam name="TAcc">The accumulator lane type in memory.</typeparam>
/// <typeparam name="TState">A register's running sums.</typeparam>
/// <remarks>Memory holds a compensated sum as two planes: the sum at <c>at</c>, its error sum <c>loOffset</c> lanes further.</remarks>
internal interface ILanes<TIn, TAcc, TState>
    where TIn : unmanaged
    where TAcc : unmanaged
    where TState : unmanaged
{
    /// <summary>Lanes per state.</summary>
    static abstract int Count { get; }

    static abstract TState Zero { get; }

    /// <summary><see cref="Count"/> input lanes as a state (exact).</summary>
    static abstract TState Read(ref TIn source);

    static abstract TState Load(ref TAcc at, nint loOffset);

    static abstract void Store(TState value, ref TAcc at, nint loOffset);

    static abstract TState Add(TState left, TState right);
}
