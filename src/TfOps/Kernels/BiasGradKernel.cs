using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;
using TfOps.Kernels.Strategies;
using TfOps.Kernels.Threading;

namespace TfOps.Kernels;

/// <summary>
/// The BiasAddGrad reduction: choose a strategy from the shape (<see cref="ReductionStrategies"/>) ->
/// plan it -> pick the register width (hardware) -> run the plan's items on one or more threads ->
/// the plan's finish combines them in its fixed order and narrows.
/// </summary>
internal static unsafe class BiasGradKernel
{
    /// <summary>Below this input size one thread is faster than waking another.</summary>
    internal const long ParallelMinBytes = 256 * 1024;

    /// <summary>Scratch up to this many lanes lives on the stack: no allocation for small inputs.</summary>
    private const int StackScratchLanes = 512;

    /// <summary>
    /// Sums <c>[outer, channels, inner]</c> elements of <paramref name="components"/> lanes each (2 for
    /// complex, split into their float or double parts) into <c>channels * components</c> output lanes,
    /// on at most <paramref name="maxThreads"/> threads. Stored lanes are <typeparamref name="TStore"/>,
    /// the loops read <typeparamref name="TIn"/> and sum in <typeparamref name="TAcc"/> (see <see cref="Lanes{TIn, TAcc, TVec, TW}"/>).
    /// </summary>
    public static void Run<TStore, TIn, TAcc, TOp>(ReadOnlySpan<TStore> input, int outer, int channels, int inner, int components, Span<TStore> output, int maxThreads)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
    {
        switch (ReductionStrategies.Choose(outer, channels, inner, components))
        {
            case ReductionStrategy.Empty:
                EmptyStrategy.Run(output);
                break;
            case ReductionStrategy.SingleRow:
                SingleRowStrategy.Run(input, output);
                break;
            case ReductionStrategy.Planes:
                Execute<PlanePlan, TStore, TIn, TAcc, TOp>(input, PlanePlan.Create(outer, channels, inner, components, sizeof(TAcc)), output, maxThreads);
                break;
            default:
                Execute<ColumnPlan, TStore, TIn, TAcc, TOp>(input, ColumnPlan.Create(outer, channels, inner, components, sizeof(TAcc)), output, maxThreads);
                break;
        }
    }

    private static void Execute<TPlan, TStore, TIn, TAcc, TOp>(ReadOnlySpan<TStore> input, in TPlan plan, Span<TStore> output, int maxThreads)
        where TPlan : struct, IReductionPlan
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
    {
        int threads = (long)input.Length * sizeof(TStore) < ParallelMinBytes
            ? 1
            : Math.Min(Math.Min(maxThreads, Environment.ProcessorCount), plan.Items);

        if (Vector512.IsHardwareAccelerated && Vector512<TAcc>.IsSupported)
        {
            Execute<TPlan, TStore, TIn, TAcc, TOp, Vector512<TAcc>, Width512<TAcc>>(input, plan, output, threads);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<TAcc>.IsSupported)
        {
            Execute<TPlan, TStore, TIn, TAcc, TOp, Vector256<TAcc>, Width256<TAcc>>(input, plan, output, threads);
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<TAcc>.IsSupported)
        {
            Execute<TPlan, TStore, TIn, TAcc, TOp, Vector128<TAcc>, Width128<TAcc>>(input, plan, output, threads);
        }
        else
        {
            Execute<TPlan, TStore, TIn, TAcc, TOp, TAcc, WidthScalar<TAcc>>(input, plan, output, threads);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Execute<TPlan, TStore, TIn, TAcc, TOp, TVec, TW>(ReadOnlySpan<TStore> input, in TPlan plan, Span<TStore> output, int threads)
        where TPlan : struct, IReductionPlan
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int lanes = plan.ScratchLanes;
        TAcc[]? rented = null;
        Span<TAcc> scratch = lanes <= StackScratchLanes
            ? stackalloc TAcc[StackScratchLanes]
            : (rented = ArrayPool<TAcc>.Shared.Rent(lanes));
        try
        {
            fixed (TStore* x = input)
            fixed (TAcc* partials = scratch)
            {
                int items = plan.Items;
                if (threads > 1 && ForkJoin.TryEnter())
                {
                    try
                    {
                        var job = ReductionJob<TPlan, TStore, TIn, TAcc, TOp, TVec, TW>.Instance;
                        job.Bind(plan, x, partials);
                        ForkJoin.Run(job, items, threads);
                    }
                    finally
                    {
                        ForkJoin.Exit();
                    }
                }
                else
                {
                    for (int item = 0; item < items; item++)
                    {
                        plan.RunItem<TStore, TIn, TAcc, TOp, TVec, TW>(x, partials, item);
                    }
                }
            }

            plan.Finish<TStore, TIn, TAcc, TOp, TVec, TW>(scratch[..lanes], output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<TAcc>.Shared.Return(rented);
            }
        }
    }
}
