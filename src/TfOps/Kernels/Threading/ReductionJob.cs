using System.Numerics;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;
using TfOps.Kernels.Strategies;

namespace TfOps.Kernels.Threading;

/// <summary>
/// The shared-work face of one kernel instantiation. One instance per instantiation, reused by
/// every call: only the holder of <see cref="ForkJoin"/> touches it, so calls never see each other's plan.
/// </summary>
internal sealed unsafe class ReductionJob<TPlan, TStore, TIn, TAcc, TOp, TVec, TW> : ParallelWork
    where TPlan : struct, IReductionPlan
    where TStore : unmanaged
    where TIn : unmanaged
    where TAcc : unmanaged, INumberBase<TAcc>
    where TOp : IAccumulator<TStore, TIn, TAcc>
    where TVec : unmanaged
    where TW : IWidth<TAcc, TVec>
{
    public static readonly ReductionJob<TPlan, TStore, TIn, TAcc, TOp, TVec, TW> Instance = new();

    private TPlan _plan;
    private TStore* _input;
    private TAcc* _partials;

    /// <summary>Sets the call's plan and buffers (pinned by the caller until the items are done).</summary>
    public void Bind(in TPlan plan, TStore* input, TAcc* partials)
    {
        _plan = plan;
        _input = input;
        _partials = partials;
    }

    protected override void RunItem(int item) => _plan.RunItem<TStore, TIn, TAcc, TOp, TVec, TW>(_input, _partials, item);
}
