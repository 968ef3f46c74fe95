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
/// <see cref="SegmentsPerChannel"/> results are added in order.</para>
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
            int pieces = (planeLanes + itemLanes - 1) / itemLanes;
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
    public void RunItem<TStore, TAcc, TOp, TVec, TW>(TStore* input, TAcc* partials, int item)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
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
            PlaneKernel.AddRun<TStore, TAcc, TOp, TVec, TW>(input + (n * planeStride) + ((long)channel * PlaneLanes) + start, Math.Min(PieceLanes, PlaneLanes - start), slots);
            PlaneKernel.Fold<TAcc, TVec, TW>(slots, p);
            slots[..p].CopyTo(new Span<TAcc>(partials + ((((long)channel * SegmentsPerChannel) + (n * PiecesPerPlane) + piece) * p), p));
            return;
        }

        // Items in memory order: (segment of batch entries, run of channels); each channel keeps its own 64 slots.
        int chunks = ChannelChunks;
        int segment = item / chunks;
        int firstChannel = (item % chunks) * ChannelsPerItem;
        int channels = Math.Min(ChannelsPerItem, Channels - firstChannel);
        Span<TAcc> all = stackalloc TAcc[SlotBytes / Unsafe.SizeOf<TAcc>()];
        all = all[..(channels * PlaneKernel.Slots)];
        all.Clear();
        int end = Math.Min(Outer, (segment + 1) * PlanesPerItem);
        for (int n = segment * PlanesPerItem; n < end; n++)
        {
            TStore* planes = input + (n * planeStride) + ((long)firstChannel * PlaneLanes);
            for (int c = 0; c < channels; c++)
            {
                PlaneKernel.AddRun<TStore, TAcc, TOp, TVec, TW>(planes + ((long)c * PlaneLanes), PlaneLanes, all.Slice(c * PlaneKernel.Slots, PlaneKernel.Slots));
            }
        }

        for (int c = 0; c < channels; c++)
        {
            var slots = all.Slice(c * PlaneKernel.Slots, PlaneKernel.Slots);
            PlaneKernel.Fold<TAcc, TVec, TW>(slots, p);
            slots[..p].CopyTo(new Span<TAcc>(partials + (((((long)firstChannel + c) * SegmentsPerChannel) + segment) * p), p));
        }
    }

    /// <summary>Each channel's segment results, in order.</summary>
    public void Finish<TStore, TAcc, TOp>(Span<TAcc> partials, Span<TStore> output)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
    {
        int p = Components, perChannel = SegmentsPerChannel;
        for (int c = 0; c < Channels; c++)
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
