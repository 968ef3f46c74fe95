using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Strategies;

/// <summary>
/// The plane strategy: NCHW with a long inner extent. A plane is one channel of one batch entry:
/// <see cref="PlaneLanes"/> contiguous lanes.
/// </summary>
/// <remarks>
/// <para>Summation order (fixed by the shape and the accumulator type alone): a plane longer than
/// the item size is cut into pieces of <see cref="PieceLanes"/>; shorter planes are grouped into segments
/// of <see cref="PlanesPerItem"/> consecutive batch entries. Inside a piece or segment, lane i of a plane
/// goes to slot i mod 64 (<see cref="PlaneKernel"/>), slots are added in batch order, and the 64 slots
/// are folded by halving (s + s+32, then +16, ... down to <see cref="Components"/>). A channel's
/// <see cref="SegmentsPerChannel"/> results are combined pairwise (segment k takes k + 1, then k + 2,
/// k + 4, ...: a fixed tree of depth ceil(log2 segments)).</para>
/// <para>Longest chain a term passes through (docs/kernel.md, "Accuracy"): ItemBytes / lane bytes / 64
/// (a slot's chain in one item) + 6 (the fold) + ceil(log2 segments).</para>
/// <para>Work items walk memory contiguously: one piece, or one segment for a run of up to
/// <see cref="ChannelsPerItem"/> channels, whose slots stay in L1 while the planes stream past.</para>
/// </remarks>
internal readonly unsafe record struct PlanePlan : IReductionPlan
{
    /// <summary>Target work per item: big enough to amortize, small enough to share.</summary>
    private const int ItemBytes = 256 * 1024;

    /// <summary>Slots of one segment item (64 lanes per channel) stay within this.</summary>
    private const int SlotBytes = 16 * 1024;

    /// <summary>Below this many inner lanes, NCHW runs as column sums over [C, inner] slabs.</summary>
    private const int PlaneMinLanes = 256;

    public int Channels { get; init; }

    public int Outer { get; init; }

    public int Components { get; init; }

    /// <summary>Lanes of one plane: <c>inner * Components</c>.</summary>
    public int PlaneLanes { get; init; }

    public int PieceLanes { get; init; }

    public int PiecesPerPlane { get; init; }

    public int PlanesPerItem { get; init; }

    /// <summary>Partial sums per channel (pieces, or segments of batch entries), added in order.</summary>
    public int SegmentsPerChannel { get; init; }

    /// <summary>Channels one segment item covers.</summary>
    public int ChannelsPerItem { get; init; }

    public int ChannelChunks => (Channels + ChannelsPerItem - 1) / ChannelsPerItem;

    public int Items => PiecesPerPlane > 1 ? Channels * SegmentsPerChannel : SegmentsPerChannel * ChannelChunks;

    /// <summary>One partial sum (of <see cref="Components"/> lanes) per channel and segment.</summary>
    public int ScratchLanes => Channels * SegmentsPerChannel * Components;

    /// <summary>Whether planes of <paramref name="inner"/> elements are long enough for this strategy.</summary>
    public static bool Applies(int inner, int components) => (long)inner * components >= PlaneMinLanes;

    public static PlanePlan Create(int outer, int channels, int inner, int components, int laneBytes)
    {
        int itemLanes = ItemBytes / laneBytes;
        int planeLanes = inner * components;
        var plan = new PlanePlan { Channels = channels, Outer = outer, Components = components, PlaneLanes = planeLanes };
        if (planeLanes >= itemLanes)
        {
            int pieces = (int)(((long)planeLanes + itemLanes - 1) / itemLanes);
            return plan with
            {
                PieceLanes = itemLanes,
                PiecesPerPlane = pieces,
                PlanesPerItem = 1,
                SegmentsPerChannel = outer * pieces,
                ChannelsPerItem = 1,
            };
        }

        int channelsPerItem = Math.Clamp(SlotBytes / (PlaneKernel.Slots * laneBytes), 1, channels);
        int planesPerItem = Math.Max(1, itemLanes / (channelsPerItem * planeLanes));
        return plan with
        {
            PieceLanes = planeLanes,
            PiecesPerPlane = 1,
            PlanesPerItem = planesPerItem,
            SegmentsPerChannel = (outer + planesPerItem - 1) / planesPerItem,
            ChannelsPerItem = channelsPerItem,
        };
    }

    /// <summary>One piece of a plane, or one segment of batch entries for a run of channels.</summary>
    public void RunItem<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* input, TAcc* partials, int item)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int p = Components;
        long planeStride = (long)Channels * PlaneLanes;
        if (PiecesPerPlane > 1)
        {
            // Items in memory order: (n, channel, piece).
            int piece = item % PiecesPerPlane, plane = item / PiecesPerPlane;
            int n = plane / Channels, channel = plane % Channels;
            Span<TAcc> slots = stackalloc TAcc[PlaneKernel.Slots];
            slots.Clear();
            int start = piece * PieceLanes;
            PlaneKernel.AddRun<TStore, TIn, TAcc, TOp, TVec, TW>(input + (n * planeStride) + ((long)channel * PlaneLanes) + start, Math.Min(PieceLanes, PlaneLanes - start), ref slots[0]);
            PlaneKernel.Fold<TIn, TAcc, TVec, TW>(ref slots[0], p);
            Store(partials, (((long)channel * SegmentsPerChannel) + (n * PiecesPerPlane) + piece) * p, ref slots[0]);
            return;
        }

        // Items in memory order: (segment of batch entries, run of channels); each channel keeps its own 64 slots.
        int chunks = ChannelChunks;
        int segment = item / chunks;
        int firstChannel = (item % chunks) * ChannelsPerItem;
        int channels = Math.Min(ChannelsPerItem, Channels - firstChannel);
        int lanes = channels * PlaneKernel.Slots;
        Span<TAcc> all = stackalloc TAcc[SlotBytes / Unsafe.SizeOf<TAcc>()];
        all = all[..lanes];
        all.Clear();
        int end = Math.Min(Outer, (segment + 1) * PlanesPerItem);
        for (int n = segment * PlanesPerItem; n < end; n++)
        {
            TStore* planes = input + (n * planeStride) + ((long)firstChannel * PlaneLanes);
            for (int c = 0; c < channels; c++)
            {
                PlaneKernel.AddRun<TStore, TIn, TAcc, TOp, TVec, TW>(planes + ((long)c * PlaneLanes), PlaneLanes, ref all[c * PlaneKernel.Slots]);
            }
        }

        for (int c = 0; c < channels; c++)
        {
            ref TAcc slots = ref all[c * PlaneKernel.Slots];
            PlaneKernel.Fold<TIn, TAcc, TVec, TW>(ref slots, p);
            Store(partials, ((((long)firstChannel + c) * SegmentsPerChannel) + segment) * p, ref slots);
        }
    }

    /// <summary>Each channel's segment results pairwise, then narrowed.</summary>
    public void Finish<TStore, TIn, TAcc, TOp, TVec, TW>(Span<TAcc> partials, Span<TStore> output)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int p = Components, perChannel = SegmentsPerChannel;
        for (int c = 0; c < Channels; c++)
        {
            // A channel's segments are contiguous: segment k's p lanes at (c * perChannel + k) * p.
            ref TAcc first = ref partials[c * perChannel * p];
            for (int q = 0; q < p; q++)
            {
                Lanes<TIn, TAcc, TVec, TW>.FoldPairwise(ref Unsafe.Add(ref first, q), perChannel, p);
                output[(c * p) + q] = TOp.Narrow(Unsafe.Add(ref first, q));
            }
        }
    }

    /// <summary>Copies the folded sum (its first <see cref="Components"/> slots) to its scratch place.</summary>
    private void Store<TAcc>(TAcc* partials, long at, ref TAcc slots)
        where TAcc : unmanaged
    {
        for (int q = 0; q < Components; q++)
        {
            partials[at + q] = Unsafe.Add(ref slots, q);
        }
    }
}
