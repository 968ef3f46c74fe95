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
        int p = plan.Components, slotsPerChannel = ReductionPlan.PlaneSlots;
        long planeStride = (long)plan.Channels * plan.PlaneLanes;
        if (plan.PiecesPerPlane > 1)
        {
            // Items in memory order: (n, channel, piece).
            int piece = item % plan.PiecesPerPlane, plane = item / plan.PiecesPerPlane;
            int n = plane / plan.Channels, channel = plane % plan.Channels;
            Span<TAcc> slots = stackalloc TAcc[ReductionPlan.PlaneSlots];
            slots.Clear();
            int start = piece * plan.PieceLanes;
            AddRun<TStore, TAcc, TOp, TVec, TW>(context.Input + (n * planeStride) + ((long)channel * plan.PlaneLanes) + start, Math.Min(plan.PieceLanes, plan.PlaneLanes - start), slots);
            PlaneKernel.Fold<TAcc, TVec, TW>(slots, p);
            Store(context, (((channel * plan.SegmentsPerChannel) + (n * plan.PiecesPerPlane) + piece) * p), slots[..p]);
            return;
        }

        // Items in memory order: (segment of batch entries, run of channels); each channel keeps its own 64 slots.
        int chunks = plan.ChannelChunks;
        int segment = item / chunks;
        int firstChannel = (item % chunks) * plan.ChannelsPerItem;
        int channels = Math.Min(plan.ChannelsPerItem, plan.Channels - firstChannel);
        Span<TAcc> all = stackalloc TAcc[ReductionPlan.SlotBytes / Unsafe.SizeOf<TAcc>()];
        all = all[..(channels * slotsPerChannel)];
        all.Clear();
        int end = Math.Min(plan.Outer, (segment + 1) * plan.PlanesPerItem);
        for (int n = segment * plan.PlanesPerItem; n < end; n++)
        {
            TStore* planes = context.Input + (n * planeStride) + ((long)firstChannel * plan.PlaneLanes);
            for (int c = 0; c < channels; c++)
            {
                AddRun<TStore, TAcc, TOp, TVec, TW>(planes + ((long)c * plan.PlaneLanes), plan.PlaneLanes, all.Slice(c * slotsPerChannel, slotsPerChannel));
            }
        }

        for (int c = 0; c < channels; c++)
        {
            var slots = all.Slice(c * slotsPerChannel, slotsPerChannel);
            PlaneKernel.Fold<TAcc, TVec, TW>(slots, p);
            Store(context, (((firstChannel + c) * plan.SegmentsPerChannel) + segment) * p, slots[..p]);
        }
    }

    private static void Store<TStore, TAcc>(in ReductionContext<TStore, TAcc> context, int at, ReadOnlySpan<TAcc> values)
        where TStore : unmanaged
        where TAcc : unmanaged =>
        values.CopyTo(new Span<TAcc>(context.Partials + at, values.Length));

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
