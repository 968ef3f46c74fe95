using System.Numerics;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Strategies;

/// <summary>
/// What a strategy that needs scratch provides, all in its own file: the plan (its fields, fixed by
/// the shape and the accumulator type alone), the work items and the finish. The kernel
/// (<see cref="BiasGradKernel"/>) owns everything else: scratch, threads, the register width.
/// </summary>
/// <remarks>
/// A plan is a struct, so every call through this interface is resolved when the JIT specializes
/// the kernel for it: no virtual calls, no allocation.
/// </remarks>
internal unsafe interface IReductionPlan
{
    /// <summary>Independent work items; each writes only its own part of the scratch.</summary>
    int Items { get; }

    /// <summary>Accumulator lanes of scratch the items write and the finish reads.</summary>
    int ScratchLanes { get; }

    /// <summary>Runs one work item over <paramref name="input"/> (in lanes: complex split in two) into <paramref name="partials"/>.</summary>
    void RunItem<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* input, TAcc* partials, int item)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>;

    /// <summary>Combines the items' partial sums in the plan's fixed order and narrows them into <paramref name="output"/>.</summary>
    void Finish<TStore, TIn, TAcc, TOp, TVec, TW>(Span<TAcc> partials, Span<TStore> output)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>;
}
