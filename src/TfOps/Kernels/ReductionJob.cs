using System.Numerics;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels;

/// <summary>
/// The shared-work face of one kernel instantiation. One instance per instantiation, reused by
/// every call: only the holder of <see cref="ForkJoin"/> touches it, so calls never see each other's context.
/// </summary>
internal sealed class ReductionJob<TStore, TAcc, TOp, TVec, TW> : ParallelWork
    where TStore : unmanaged
    where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
    where TOp : IAccumulator<TStore, TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    public static readonly ReductionJob<TStore, TAcc, TOp, TVec, TW> Instance = new();

    public ReductionContext<TStore, TAcc> Context { get; set; }

    protected override void RunItem(int item) => ReductionItems.Run<TStore, TAcc, TOp, TVec, TW>(Context, item);
}
