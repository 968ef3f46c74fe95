namespace TfOps.Kernels;

/// <summary>How a reduction is carried out.</summary>
internal enum ReductionStrategy
{
    /// <summary>No input elements: every channel is zero.</summary>
    Empty,

    /// <summary>One row: the output is a copy of the input (as in TensorFlow, so -0.0 stays -0.0).</summary>
    SingleRow,

    /// <summary>Column sums of a [rows, width] matrix, then folds into channels.</summary>
    Columns,

    /// <summary>Per-channel sums of long contiguous planes (NCHW with a long inner extent).</summary>
    Planes,
}

/// <summary>
/// The summation order, fixed by the shape and the accumulator type alone (never by the thread
/// count or the SIMD width), so every schedule and every vector width produce the same bits.
/// </summary>
/// <remarks>
/// Everything is counted in accumulator lanes: complex types are two lanes per element
/// (<see cref="Components"/> = 2). The input is <c>[Outer, Channels, Inner]</c> elements.
/// <para>Columns: the input is a matrix of <see cref="Width"/> lanes per row (one NHWC row, or for NCHW
/// with a short inner extent one whole <c>[C, inner]</c> slab). When the width is not a multiple of
/// <see cref="LogicalLanes"/> and small, consecutive rows are joined into super-rows of
/// lcm(width, lanes) so that every vector is full (the tensor's last super-row may be partial).
/// Rows are cut into blocks of <see cref="RowsPerBlock"/> (a multiple of 4). Inside a block each
/// column is summed as <c>acc = acc + ((r0 + r1) + (r2 + r3))</c> over groups of four rows, then the
/// remaining full rows one at a time, then the partial row. Block results are added in block order;
/// super-row columns are folded in order, then the inner positions of each channel in order.</para>
/// <para>Planes: a plane (one channel of one batch entry) longer than <see cref="ItemBytes"/> is cut
/// into pieces of that size; shorter planes are grouped into segments of <see cref="PlanesPerItem"/>
/// consecutive batch entries. Inside a piece or segment, lane i of a plane goes to slot i mod 64,
/// slots are added in batch order, and the 64 slots are folded by halving (s + s+32, then +16, ...
/// down to <see cref="Components"/>). A channel's segments are added in order. Work items walk memory
/// contiguously: one piece, or one segment for a run of up to <see cref="ChannelsPerItem"/> channels.</para>
/// </remarks>
internal readonly record struct ReductionPlan
{
    /// <summary>Slots per plane item (a multiple of every register width in lanes).</summary>
    public const int PlaneSlots = 64;

    /// <summary>Target work per block or item: big enough to amortize, small enough to share.</summary>
    public const int ItemBytes = 256 * 1024;

    /// <summary>Wanted number of work items for the column strategy (a constant: not the core count).</summary>
    private const int TargetItems = 16;

    /// <summary>The accumulator tile of one column item (stays in L1).</summary>
    private const int TileBytes = 16 * 1024;

    /// <summary>Slots of one segment item (64 lanes per channel) stay within this.</summary>
    internal const int SlotBytes = 16 * 1024;

    /// <summary>Below this many inner lanes, NCHW runs as column sums over [C, inner] slabs.</summary>
    private const int PlaneMinLanes = 256;

    /// <summary>Super-rows are used only up to this many lanes (the accumulator must stay small).</summary>
    private const int SuperRowMaxLanes = 1024;

    public ReductionStrategy Strategy { get; init; }

    public int Channels { get; init; }

    public int Inner { get; init; }

    public int Outer { get; init; }

    public int Components { get; init; }

    /// <summary>Lanes of one register-independent logical vector: 64 bytes of accumulator.</summary>
    public int LogicalLanes { get; init; }

    // Columns
    public int BaseWidth { get; init; }

    public int SuperFactor { get; init; }

    public int Width { get; init; }

    public int FullRows { get; init; }

    public int LastRowLanes { get; init; }

    public int RowsPerBlock { get; init; }

    public int RowBlocks { get; init; }

    public int TileLanes { get; init; }

    public int Tiles { get; init; }

    // Planes
    public int PlaneLanes { get; init; }

    public int PieceLanes { get; init; }

    public int PiecesPerPlane { get; init; }

    public int PlanesPerItem { get; init; }

    /// <summary>Partial sums per channel (pieces, or segments of batch entries), added in order.</summary>
    public int SegmentsPerChannel { get; init; }

    /// <summary>Channels one segment item covers (their slots stay in L1 while memory streams past).</summary>
    public int ChannelsPerItem { get; init; }

    public int ChannelChunks => (Channels + ChannelsPerItem - 1) / ChannelsPerItem;

    /// <summary>Independent work items.</summary>
    public int Items => Strategy switch
    {
        ReductionStrategy.Columns => RowBlocks * Tiles,
        ReductionStrategy.Planes => PiecesPerPlane > 1 ? Channels * SegmentsPerChannel : SegmentsPerChannel * ChannelChunks,
        _ => 1,
    };

    /// <summary>Accumulator lanes of scratch the strategy needs (block or item partials).</summary>
    public int ScratchLanes => Strategy switch
    {
        ReductionStrategy.Columns => RowBlocks * Width,
        ReductionStrategy.Planes => Channels * SegmentsPerChannel * Components,
        _ => 0,
    };

    public static ReductionPlan Create(int outer, int channels, int inner, int components, int laneBytes)
    {
        int lanes = 64 / laneBytes;
        var plan = new ReductionPlan
        {
            Channels = channels, Inner = inner, Outer = outer, Components = components, LogicalLanes = lanes,
        };
        long totalLanes = (long)outer * channels * inner * components;
        if (totalLanes == 0)
        {
            return plan with { Strategy = ReductionStrategy.Empty };
        }

        if (outer == 1 && inner == 1)
        {
            return plan with { Strategy = ReductionStrategy.SingleRow };
        }

        int itemLanes = ItemBytes / laneBytes;
        int planeLanes = inner * components;
        if (planeLanes >= PlaneMinLanes)
        {
            if (planeLanes >= itemLanes)
            {
                int pieces = (planeLanes + itemLanes - 1) / itemLanes;
                return plan with
                {
                    Strategy = ReductionStrategy.Planes,
                    PlaneLanes = planeLanes,
                    PieceLanes = itemLanes,
                    PiecesPerPlane = pieces,
                    PlanesPerItem = 1,
                    SegmentsPerChannel = outer * pieces,
                    ChannelsPerItem = 1,
                };
            }

            int channelsPerItem = Math.Clamp(SlotBytes / (PlaneSlots * laneBytes), 1, channels);
            int planesPerItem = Math.Max(1, itemLanes / (channelsPerItem * planeLanes));
            return plan with
            {
                Strategy = ReductionStrategy.Planes,
                PlaneLanes = planeLanes,
                PieceLanes = planeLanes,
                PiecesPerPlane = 1,
                PlanesPerItem = planesPerItem,
                SegmentsPerChannel = (outer + planesPerItem - 1) / planesPerItem,
                ChannelsPerItem = channelsPerItem,
            };
        }

        int baseWidth = channels * planeLanes;
        int factor = 1;
        if (baseWidth % lanes != 0)
        {
            long lcm = (long)baseWidth / Gcd(baseWidth, lanes) * lanes;
            if (lcm <= SuperRowMaxLanes)
            {
                factor = (int)(lcm / baseWidth);
            }
        }

        int width = baseWidth * factor;
        int fullRows = (int)(totalLanes / width);
        int lastRow = (int)(totalLanes % width);
        int tileLanes = TileBytes / laneBytes;
        int tiles = width <= 2 * tileLanes ? 1 : (width + tileLanes - 1) / tileLanes;
        if (tiles == 1)
        {
            tileLanes = width;
        }

        long byItems = (totalLanes + itemLanes - 1) / itemLanes;
        int wantBlocks = (int)Math.Min(byItems, (TargetItems + tiles - 1) / tiles);
        int blocks = Math.Clamp(wantBlocks, 1, Math.Max(1, (fullRows + 3) / 4));
        int rowsPerBlock = fullRows == 0 ? 0 : RoundUp4((fullRows + blocks - 1) / blocks);
        blocks = rowsPerBlock == 0 ? 1 : (fullRows + rowsPerBlock - 1) / rowsPerBlock;
        return plan with
        {
            Strategy = ReductionStrategy.Columns,
            BaseWidth = baseWidth,
            SuperFactor = factor,
            Width = width,
            FullRows = fullRows,
            LastRowLanes = lastRow,
            RowsPerBlock = rowsPerBlock,
            RowBlocks = blocks,
            TileLanes = tileLanes,
            Tiles = tiles,
        };
    }

    private static int RoundUp4(int value) => (value + 3) & ~3;

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
