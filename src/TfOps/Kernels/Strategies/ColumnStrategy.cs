using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Strategies;

/// <summary>
/// The column strategy: NHWC, and NCHW with a short inner extent. The input is a row-major matrix of
/// <see cref="Width"/> lanes per row (one NHWC row, or one whole <c>[C, inner]</c> NCHW slab); its
/// column sums are folded into channels at the end.
/// </summary>
/// <remarks>
/// <para>Summation order (fixed by the shape and the accumulator type alone):</para>
/// <list type="number">
/// <item>A width that is not a multiple of <see cref="LogicalLanes"/> and small is widened to super-rows of
/// lcm(width, lanes) lanes (consecutive rows joined) so every register is full; the tensor's last
/// super-row may be partial (<see cref="LastRowLanes"/>).</item>
/// <item>Rows are cut into <see cref="RowBlocks"/> blocks of <see cref="RowsPerBlock"/> rows (at most
/// <see cref="MaxBlockRows"/>, which caps every chain); wide rows into <see cref="Tiles"/> column tiles.
/// A (block, tile) is one work item.</item>
/// <item>Inside a block each column is one chain, summed by <see cref="ColumnKernel"/> (groups of four
/// rows counted from the block start, then the leftover rows, then the partial super-row).</item>
/// <item>Block results are combined pairwise (block b takes b + 1, then b + 2, b + 4, ...: a fixed
/// tree of depth ceil(log2 blocks)), then super-row columns are folded in order, then each channel's
/// inner positions in order.</item>
/// </list>
/// <para>Longest chain a term passes through (see docs/kernel.md, "Accuracy"): 2 (its group) +
/// MaxBlockRows / 4 (the block's chain) + 4 (leftover rows, partial row) + ceil(log2 blocks) +
/// (SuperFactor - 1) + (Inner - 1).</para>
/// </remarks>
internal readonly unsafe record struct ColumnPlan : IReductionPlan
{
    /// <summary>Target work per block: big enough to amortize, small enough to share.</summary>
    private const int ItemBytes = 256 * 1024;

    /// <summary>Wanted number of work items (a constant: never the core count, which must not change the order).</summary>
    private const int TargetItems = 16;

    /// <summary>The accumulator tile of one item (a plan parameter: it sets how rows are cut into blocks).</summary>
    private const int TileBytes = 16 * 1024;

    /// <summary>Accumulator bytes of the column band an item sums at a time (speed only: stays in L1 beside its chunk).</summary>
    private const int BandBytes = 8 * 1024;

    /// <summary>Super-rows are used only up to this many lanes (the accumulator row must stay small).</summary>
    private const int SuperRowMaxLanes = 1024;

    /// <summary>
    /// Rows per block at most (a whole number of groups): each column's chain inside a block is then at
    /// most 1024 groups long, whatever the tensor's size, and blocks meet in a tree.
    /// </summary>
    public const int MaxBlockRows = 4096;

    public int Channels { get; init; }

    public int Inner { get; init; }

    public int Components { get; init; }

    /// <summary>Lanes of one register-independent logical vector: 64 bytes of accumulator.</summary>
    public int LogicalLanes { get; init; }

    /// <summary>Lanes of one tensor row: <c>Channels * Inner * Components</c>.</summary>
    public int BaseWidth { get; init; }

    /// <summary>Tensor rows per super-row (1: none).</summary>
    public int SuperFactor { get; init; }

    /// <summary>Lanes per (super-)row.</summary>
    public int Width { get; init; }

    public int FullRows { get; init; }

    /// <summary>Lanes of the last, partial super-row (0: none).</summary>
    public int LastRowLanes { get; init; }

    public int RowsPerBlock { get; init; }

    public int RowBlocks { get; init; }

    public int TileLanes { get; init; }

    public int Tiles { get; init; }

    public int Items => RowBlocks * Tiles;

    /// <summary>One accumulator row per block.</summary>
    public int ScratchLanes => RowBlocks * Width;

    public static ColumnPlan Create(int outer, int channels, int inner, int components, int laneBytes)
    {
        int lanes = 64 / laneBytes;
        long totalLanes = (long)outer * channels * inner * components;
        int baseWidth = channels * inner * components;
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
        int tileLanes = TileBytes / laneBytes;
        int tiles = width <= 2 * tileLanes ? 1 : (width + tileLanes - 1) / tileLanes;
        if (tiles == 1)
        {
            tileLanes = width;
        }

        int itemLanes = ItemBytes / laneBytes;
        long byItems = (totalLanes + itemLanes - 1) / itemLanes;
        int wantBlocks = (int)Math.Min(byItems, (TargetItems + tiles - 1) / tiles);
        int blocks = Math.Clamp(wantBlocks, 1, Math.Max(1, ColumnKernel.GroupsIn(fullRows + ColumnKernel.GroupRows - 1)));
        int rowsPerBlock = fullRows == 0 ? 0 : Math.Min(MaxBlockRows, ColumnKernel.RoundUpToGroups((fullRows + blocks - 1) / blocks));
        blocks = rowsPerBlock == 0 ? 1 : (fullRows + rowsPerBlock - 1) / rowsPerBlock;
        return new ColumnPlan
        {
            Channels = channels,
            Inner = inner,
            Components = components,
            LogicalLanes = lanes,
            BaseWidth = baseWidth,
            SuperFactor = factor,
            Width = width,
            FullRows = fullRows,
            LastRowLanes = (int)(totalLanes % width),
            RowsPerBlock = rowsPerBlock,
            RowBlocks = blocks,
            TileLanes = tileLanes,
            Tiles = tiles,
        };
    }

    /// <summary>One (row block, column tile): its column sums into the block's accumulator row.</summary>
    public void RunItem<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* input, TAcc* partials, int item)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int block = item / Tiles, tile = item % Tiles;
        int rowStart = block * RowsPerBlock;
        int rows = Math.Min(FullRows - rowStart, RowsPerBlock);
        int col0 = tile * TileLanes;
        int columns = Math.Min(TileLanes, Width - col0);
        int partial = block == RowBlocks - 1 ? Math.Clamp(LastRowLanes - col0, 0, columns) : 0;
        TAcc* accumulator = partials + ((long)block * Width) + col0;
        new Span<TAcc>(accumulator, columns).Clear();

        // A tile is summed in bands of columns whose accumulators stay in L1 beside the chunk (columns
        // are independent chains, so the bands change nothing but speed).
        int bandLanes = BandBytes / sizeof(TAcc);
        TStore* first = input + ((long)rowStart * Width) + col0;
        for (int band = 0; band < columns; band += bandLanes)
        {
            int bandColumns = Math.Min(bandLanes, columns - band);
            ColumnKernel.AccumulateBlock<TStore, TIn, TAcc, TOp, TVec, TW>(
                first + band, Width, rows, bandColumns, Math.Clamp(partial - band, 0, bandColumns), ref accumulator[band]);
        }
    }

    /// <summary>Blocks pairwise, then super-row columns in order, then each channel's inner positions in order.</summary>
    public void Finish<TStore, TIn, TAcc, TOp, TVec, TW>(Span<TAcc> partials, Span<TStore> output)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        ref TAcc first = ref partials[0];
        for (int step = 1; step < RowBlocks; step *= 2)
        {
            for (int block = 0; block + step < RowBlocks; block += 2 * step)
            {
                Lanes<TIn, TAcc, TVec, TW>.AddInto(ref Unsafe.Add(ref first, block * Width), ref Unsafe.Add(ref first, (block + step) * Width), Width);
            }
        }

        for (int k = 1; k < SuperFactor; k++)
        {
            Lanes<TIn, TAcc, TVec, TW>.AddInto(ref first, ref Unsafe.Add(ref first, k * BaseWidth), BaseWidth);
        }

        int p = Components;
        if (Inner == 1)
        {
            // Each channel's lanes are its columns, already in output order: narrow them in one run.
            int lanes = Channels * p;
            TOp.NarrowSpan(partials[..lanes], output);
            return;
        }

        for (int c = 0; c < Channels; c++)
        {
            for (int q = 0; q < p; q++)
            {
                ref TAcc at = ref Unsafe.Add(ref first, (c * Inner * p) + q);
                Lanes<TIn, TAcc, TVec, TW>.FoldInOrder(ref at, Inner, p);
                output[(c * p) + q] = TOp.Narrow(at);
            }
        }
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
