using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels;

/// <summary>
/// One work item of a plan: a (row block, column tile) for the column strategy, a (channel, run of
/// planes) for the plane strategy. Each writes only its own partial slots.
/// </summary>
internal static unsafe class ReductionItems
{
    /// <summary>Lanes widened at a time for float16/bfloat16 (a multiple of 64 and of 4 rows' worth).</summary>
    private const int WidenLanes = 8192;

    public static void Run<TStore, TAcc, TOp, TVec, TW>(in ReductionContext<TStore, TAcc> context, int item)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (context.Plan.Strategy == ReductionStrategy.Columns)
        {
            ColumnItem<TStore, TAcc, TOp, TVec, TW>(context, item);
        }
        else
        {
            PlaneItem<TStore, TAcc, TOp, TVec, TW>(context, item);
        }
    }

    private static void ColumnItem<TStore, TAcc, TOp, TVec, TW>(in ReductionContext<TStore, TAcc> context, int item)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        var plan = context.Plan;
        int block = item / plan.Tiles, tile = item % plan.Tiles;
        int rowStart = block * plan.RowsPerBlock;
        int rows = Math.Min(plan.FullRows - rowStart, plan.RowsPerBlock);
        int col0 = tile * plan.TileLanes;
        int columns = Math.Min(plan.TileLanes, plan.Width - col0);
        int partial = block == plan.RowBlocks - 1 ? Math.Clamp(plan.LastRowLanes - col0, 0, columns) : 0;
        var acc = new Span<TAcc>(context.Partials + ((long)block * plan.Width) + col0, columns);
        acc.Clear();
        TStore* first = context.Input + ((long)rowStart * plan.Width) + col0;

        if (typeof(TStore) == typeof(TAcc))
        {
            ColumnKernel.Accumulate<TAcc, TVec, TW>(ref Unsafe.AsRef<TAcc>(first), plan.Width, rows, columns, partial, ref acc[0]);
            return;
        }

        // Widen a few rows at a time (groups of 4 stay aligned to the block start, so the order is unchanged).
        int chunkRows = Math.Max(4, (WidenLanes / columns) & ~3);
        TAcc[] buffer = ArrayPool<TAcc>.Shared.Rent((chunkRows + 1) * columns);
        try
        {
            for (int done = 0; done < rows || (done == rows && partial > 0); done += chunkRows)
            {
                int take = Math.Min(chunkRows, rows - done);
                bool last = done + take == rows;
                int withPartial = last ? partial : 0;
                for (int r = 0; r < take; r++)
                {
                    TOp.WidenSpan(
                        new ReadOnlySpan<TStore>(first + ((long)(done + r) * plan.Width), columns),
                        buffer.AsSpan(r * columns, columns));
                }

                if (withPartial > 0)
                {
                    TOp.WidenSpan(
                        new ReadOnlySpan<TStore>(first + ((long)(done + take) * plan.Width), withPartial),
                        buffer.AsSpan(take * columns, withPartial));
                }

                ColumnKernel.Accumulate<TAcc, TVec, TW>(ref buffer[0], columns, take, columns, withPartial, ref acc[0]);
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<TAcc>.Shared.Return(buffer);
        }
    }

    private static void PlaneItem<TStore, TAcc, TOp, TVec, TW>(in ReductionContext<TStore, TAcc> context, int item)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        var plan = context.Plan;
        int channel = item / plan.ItemsPerChannel, k = item % plan.ItemsPerChannel;
        Span<TAcc> slots = stackalloc TAcc[ReductionPlan.PlaneSlots];
        slots.Clear();
        long planeStride = (long)plan.Channels * plan.PlaneLanes;
        TStore* channelStart = context.Input + ((long)channel * plan.PlaneLanes);
        if (plan.PiecesPerPlane > 1)
        {
            int n = k / plan.PiecesPerPlane;
            int start = (k % plan.PiecesPerPlane) * plan.PieceLanes;
            AddRun<TStore, TAcc, TOp, TVec, TW>(channelStart + (n * planeStride) + start, Math.Min(plan.PieceLanes, plan.PlaneLanes - start), slots);
        }
        else
        {
            int end = Math.Min(plan.Outer, (k + 1) * plan.PlanesPerItem);
            for (int n = k * plan.PlanesPerItem; n < end; n++)
            {
                AddRun<TStore, TAcc, TOp, TVec, TW>(channelStart + (n * planeStride), plan.PlaneLanes, slots);
            }
        }

        PlaneKernel.Fold(slots, plan.Components);
        TAcc* result = context.Partials + ((long)item * plan.Components);
        for (int q = 0; q < plan.Components; q++)
        {
            result[q] = slots[q];
        }
    }

    private static void AddRun<TStore, TAcc, TOp, TVec, TW>(TStore* source, int count, Span<TAcc> slots)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        if (typeof(TStore) == typeof(TAcc))
        {
            PlaneKernel.Accumulate<TAcc, TVec, TW>(ref Unsafe.AsRef<TAcc>(source), count, ref slots[0]);
            return;
        }

        // Chunks start at multiples of 64 lanes, so every lane keeps its slot.
        Span<TAcc> buffer = stackalloc TAcc[512];
        for (int done = 0; done < count; done += buffer.Length)
        {
            int take = Math.Min(buffer.Length, count - done);
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source + done, take), buffer);
            PlaneKernel.Accumulate<TAcc, TVec, TW>(ref buffer[0], take, ref slots[0]);
        }
    }
}
