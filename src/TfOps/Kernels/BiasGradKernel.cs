using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels;

/// <summary>
/// The BiasAddGrad reduction: plan (shape only) -> pick the register width (hardware) -> run the
/// items on one or more threads -> combine partials and fold in the plan's fixed order -> narrow.
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
    /// on at most <paramref name="maxThreads"/> threads.
    /// </summary>
    public static void Run<TStore, TAcc, TOp>(ReadOnlySpan<TStore> input, int outer, int channels, int inner, int components, Span<TStore> output, int maxThreads)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
    {
        var plan = ReductionPlan.Create(outer, channels, inner, components, sizeof(TAcc));
        switch (plan.Strategy)
        {
            case ReductionStrategy.Empty:
                output.Fill(TOp.Narrow(TAcc.AdditiveIdentity));
                return;
            case ReductionStrategy.SingleRow:
                SingleRow(input, output);
                return;
        }

        int threads = (long)input.Length * sizeof(TStore) < ParallelMinBytes
            ? 1
            : Math.Min(Math.Min(maxThreads, Environment.ProcessorCount), plan.Items);

        if (Vector512.IsHardwareAccelerated && Vector512<TAcc>.IsSupported)
        {
            Execute<TStore, TAcc, TOp, Vector512<TAcc>, Width512<TAcc>>(input, plan, output, threads);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<TAcc>.IsSupported)
        {
            Execute<TStore, TAcc, TOp, Vector256<TAcc>, Width256<TAcc>>(input, plan, output, threads);
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<TAcc>.IsSupported)
        {
            Execute<TStore, TAcc, TOp, Vector128<TAcc>, Width128<TAcc>>(input, plan, output, threads);
        }
        else
        {
            Execute<TStore, TAcc, TOp, TAcc, WidthScalar<TAcc>>(input, plan, output, threads);
        }
    }

    /// <summary>
    /// One row: the input is copied, bit for bit, as TensorFlow's kernel copies it (redux_functor.h,
    /// ReduceOuterDimensions with outer_dim 1, ReduceMiddleDimensions with inner * outer 1): -0.0 stays
    /// -0.0 and NaN payloads are kept. Every other strategy starts its sums from +0.
    /// </summary>
    private static void SingleRow<TStore>(ReadOnlySpan<TStore> input, Span<TStore> output)
        where TStore : unmanaged =>
        input.CopyTo(output);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Execute<TStore, TAcc, TOp, TVec, TW>(ReadOnlySpan<TStore> input, in ReductionPlan plan, Span<TStore> output, int threads)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
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
                var context = new ReductionContext<TStore, TAcc>(x, partials, plan);
                int items = plan.Items;
                if (threads > 1 && ForkJoin.TryEnter())
                {
                    try
                    {
                        var job = ReductionJob<TStore, TAcc, TOp, TVec, TW>.Instance;
                        job.Context = context;
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
                        ReductionItems.Run<TStore, TAcc, TOp, TVec, TW>(context, item);
                    }
                }
            }

            if (plan.Strategy == ReductionStrategy.Columns)
            {
                FinishColumns<TStore, TAcc, TOp>(scratch[..lanes], plan, output);
            }
            else
            {
                FinishPlanes<TStore, TAcc, TOp>(scratch[..lanes], plan, output);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<TAcc>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Blocks in order, then super-row columns in order, then each channel's inner positions in order.</summary>
    private static void FinishColumns<TStore, TAcc, TOp>(Span<TAcc> partials, in ReductionPlan plan, Span<TStore> output)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
    {
        int width = plan.Width;
        Span<TAcc> sums = partials[..width];
        for (int block = 1; block < plan.RowBlocks; block++)
        {
            TensorPrimitives.Add(sums, partials.Slice(block * width, width), sums);
        }

        int baseWidth = plan.BaseWidth;
        Span<TAcc> columns = sums[..baseWidth];
        for (int k = 1; k < plan.SuperFactor; k++)
        {
            TensorPrimitives.Add(columns, sums.Slice(k * baseWidth, baseWidth), columns);
        }

        int inner = plan.Inner, p = plan.Components;
        for (int c = 0; c < plan.Channels; c++)
        {
            for (int q = 0; q < p; q++)
            {
                int at = (c * inner * p) + q;
                TAcc sum = columns[at];
                for (int i = 1; i < inner; i++)
                {
                    sum = unchecked(sum + columns[at + (i * p)]);
                }

                output[(c * p) + q] = TOp.Narrow(sum);
            }
        }
    }

    /// <summary>Each channel's segment results, in order.</summary>
    private static void FinishPlanes<TStore, TAcc, TOp>(Span<TAcc> partials, in ReductionPlan plan, Span<TStore> output)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
    {
        int p = plan.Components, perChannel = plan.SegmentsPerChannel;
        for (int c = 0; c < plan.Channels; c++)
        {
            for (int q = 0; q < p; q++)
            {
                TAcc sum = TAcc.AdditiveIdentity;
                for (int k = 0; k < perChannel; k++)
                {
                    sum = unchecked(sum + partials[(((c * perChannel) + k) * p) + q]);
                }

                output[(c * p) + q] = TOp.Narrow(sum);
            }
        }
    }
}
