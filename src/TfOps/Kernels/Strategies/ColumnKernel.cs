using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Accumulation;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels.Strategies;

/// <summary>
/// Column sums of one row block into its accumulator row, and the only code that walks rows, so the
/// rule that fixes the bits lives here alone: each column is one chain
/// <c>acc = acc + ((r0 + r1) + (r2 + r3))</c> over groups of <see cref="GroupRows"/> rows counted from
/// the block start, then the leftover rows one at a time, then the optional partial row. Each column is
/// an independent chain, so registers of any width (or none) give the same bits.
/// </summary>
internal static unsafe class ColumnKernel
{
    /// <summary>Rows per group: the fixed pairing <c>(r0 + r1) + (r2 + r3)</c>.</summary>
    public const int GroupRows = 4;

    /// <summary>Rows are taken in chunks of about this many input bytes, so re-reading a chunk per strip hits L1.</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Whole groups in <paramref name="rows"/> rows.</summary>
    public static int GroupsIn(int rows) => rows / GroupRows;

    /// <summary>The smallest whole number of groups' rows at least <paramref name="rows"/>: plans cut blocks there.</summary>
    public static int RoundUpToGroups(int rows) => GroupsIn(rows + GroupRows - 1) * GroupRows;

    /// <summary>
    /// Adds <paramref name="rows"/> full rows (and <paramref name="partialColumns"/> lanes of one more
    /// row) of <paramref name="columns"/> lanes, <paramref name="stride"/> lanes apart, into the
    /// accumulator row at <paramref name="accumulator"/>. float16 and bfloat16 rows are widened a chunk
    /// at a time into a pooled buffer; chunks are whole groups, so widening never moves a group boundary.
    /// </summary>
    public static void AccumulateBlock<TStore, TIn, TAcc, TOp, TVec, TW>(TStore* first, int stride, int rows, int columns, int partialColumns, ref TAcc accumulator)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TOp : IAccumulator<TStore, TIn, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int chunkRows = Math.Max(GroupRows, GroupsIn(ChunkBytes / Math.Max(1, columns * sizeof(TIn))) * GroupRows);
        TIn[]? buffer = TOp.Widens ? ArrayPool<TIn>.Shared.Rent(chunkRows * columns) : null;
        try
        {
            for (int done = 0; done < rows; done += chunkRows)
            {
                int take = Math.Min(chunkRows, rows - done);
                ref TIn chunk = ref Rows<TStore, TIn, TAcc, TOp>(first + ((long)done * stride), stride, take, columns, buffer, out int chunkStride);

                // Only the block's last chunk can end in leftover rows: every other chunk is whole groups.
                int grouped = GroupsIn(take) * GroupRows;
                SweepGroups<TIn, TAcc, TVec, TW>(ref chunk, chunkStride, grouped, columns, ref accumulator);
                for (int row = grouped; row < take; row++)
                {
                    Lanes<TIn, TAcc, TVec, TW>.AddRun(ref accumulator, ref Unsafe.Add(ref chunk, (nint)row * chunkStride), columns);
                }
            }

            if (partialColumns > 0)
            {
                ref TIn row = ref Rows<TStore, TIn, TAcc, TOp>(first + ((long)rows * stride), stride, 1, partialColumns, buffer, out _);
                Lanes<TIn, TAcc, TVec, TW>.AddRun(ref accumulator, ref row, partialColumns);
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<TIn>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The rows as kernel input lanes: in place when the types agree, else widened into <paramref name="buffer"/>.</summary>
    private static ref TIn Rows<TStore, TIn, TAcc, TOp>(TStore* source, int stride, int rows, int columns, TIn[]? buffer, out int rowStride)
        where TStore : unmanaged
        where TIn : unmanaged
        where TAcc : unmanaged
        where TOp : IAccumulator<TStore, TIn, TAcc>
    {
        if (buffer is null)
        {
            rowStride = stride;
            return ref Unsafe.AsRef<TIn>(source);
        }

        if (columns == stride)
        {
            // Whole rows back to back: one call for the chunk (short rows would pay a call per row).
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source, rows * columns), buffer.AsSpan(0, rows * columns));
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                TOp.WidenSpan(new ReadOnlySpan<TStore>(source + ((long)r * stride), columns), buffer.AsSpan(r * columns, columns));
            }
        }

        rowStride = columns;
        return ref buffer[0];
    }

    /// <summary>Groups of four rows (<paramref name="rows"/> is a multiple of four) in strips of registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepGroups<TIn, TAcc, TVec, TW>(ref TIn source, nint stride, int rows, int columns, ref TAcc accumulator)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        // Accumulators stay in registers for a strip of vectors while the chunk streams past; the next
        // strip re-reads the chunk from L1. Widened float32 lanes take eight registers, so a strip still
        // covers 256 bytes of each input row; lanes read as stored take four.
        int vectorEnd = columns - (columns % TW.Count);
        int j = 0;
        if (typeof(TIn) == typeof(float) && typeof(TAcc) == typeof(double))
        {
            for (; j + (8 * TW.Count) <= vectorEnd; j += 8 * TW.Count)
            {
                Strip8<TIn, TAcc, TVec, TW>(ref Unsafe.Add(ref source, j), stride, rows, ref Unsafe.Add(ref accumulator, j));
            }
        }

        for (; j + (4 * TW.Count) <= vectorEnd; j += 4 * TW.Count)
        {
            Strip4<TIn, TAcc, TVec, TW>(ref Unsafe.Add(ref source, j), stride, rows, ref Unsafe.Add(ref accumulator, j));
        }

        if (j < vectorEnd)
        {
            StripUpTo3<TIn, TAcc, TVec, TW>(ref Unsafe.Add(ref source, j), stride, rows, (vectorEnd - j) / TW.Count, ref Unsafe.Add(ref accumulator, j));
            j = vectorEnd;
        }

        for (; j < columns; j++)
        {
            StripUpTo3<TIn, TAcc, TAcc, WidthScalar<TAcc>>(ref Unsafe.Add(ref source, j), stride, rows, 1, ref Unsafe.Add(ref accumulator, j));
        }
    }

    /// <summary>
    /// Eight registers of columns over <paramref name="rows"/> rows (a multiple of 4), no branches in the
    /// loop. The same arithmetic as <see cref="Strip{TIn, TAcc, TVec, TW}"/> (each column
    /// <c>acc + ((r0 + r1) + (r2 + r3))</c>), but the loads go row by row: all of r0 and r1 first, then r2
    /// and r3, so each row's 256 bytes are read in address order. Loading register by register across
    /// four rows made rows of 64 float32 lanes read from memory about 1.5x slower (205 MB, two threads:
    /// 5.0-5.7 ms against 3.3-3.7 ms; docs/benchmarks.md, "Eight-register strips").
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Strip8<TIn, TAcc, TVec, TW>(ref TIn source, nint stride, int rows, ref TAcc acc)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int w = TW.Count;
        var a0 = TW.Load(ref acc);
        var a1 = TW.Load(ref Unsafe.Add(ref acc, w));
        var a2 = TW.Load(ref Unsafe.Add(ref acc, 2 * w));
        var a3 = TW.Load(ref Unsafe.Add(ref acc, 3 * w));
        var a4 = TW.Load(ref Unsafe.Add(ref acc, 4 * w));
        var a5 = TW.Load(ref Unsafe.Add(ref acc, 5 * w));
        var a6 = TW.Load(ref Unsafe.Add(ref acc, 6 * w));
        var a7 = TW.Load(ref Unsafe.Add(ref acc, 7 * w));
        for (int row = 0; row < rows; row += GroupRows)
        {
            ref TIn r0 = ref Unsafe.Add(ref source, row * stride);
            ref TIn r1 = ref Unsafe.Add(ref r0, stride);
            ref TIn r2 = ref Unsafe.Add(ref r1, stride);
            ref TIn r3 = ref Unsafe.Add(ref r2, stride);
            var p0 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 0);
            var p1 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, w);
            var p2 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 2 * w);
            var p3 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 3 * w);
            var p4 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 4 * w);
            var p5 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 5 * w);
            var p6 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 6 * w);
            var p7 = Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, 7 * w);
            a0 = TW.Add(a0, TW.Add(p0, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 0)));
            a1 = TW.Add(a1, TW.Add(p1, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, w)));
            a2 = TW.Add(a2, TW.Add(p2, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 2 * w)));
            a3 = TW.Add(a3, TW.Add(p3, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 3 * w)));
            a4 = TW.Add(a4, TW.Add(p4, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 4 * w)));
            a5 = TW.Add(a5, TW.Add(p5, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 5 * w)));
            a6 = TW.Add(a6, TW.Add(p6, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 6 * w)));
            a7 = TW.Add(a7, TW.Add(p7, Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, 7 * w)));
        }

        TW.Store(a0, ref acc);
        TW.Store(a1, ref Unsafe.Add(ref acc, w));
        TW.Store(a2, ref Unsafe.Add(ref acc, 2 * w));
        TW.Store(a3, ref Unsafe.Add(ref acc, 3 * w));
        TW.Store(a4, ref Unsafe.Add(ref acc, 4 * w));
        TW.Store(a5, ref Unsafe.Add(ref acc, 5 * w));
        TW.Store(a6, ref Unsafe.Add(ref acc, 6 * w));
        TW.Store(a7, ref Unsafe.Add(ref acc, 7 * w));
    }

    /// <summary>Four registers of columns over <paramref name="rows"/> rows (a multiple of 4), no branches in the loop.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Strip4<TIn, TAcc, TVec, TW>(ref TIn source, nint stride, int rows, ref TAcc acc)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Strip<TIn, TAcc, TVec, TW>(ref source, stride, rows, 4, ref acc);

    /// <summary>One to three registers of columns over <paramref name="rows"/> rows (a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void StripUpTo3<TIn, TAcc, TVec, TW>(ref TIn source, nint stride, int rows, int registers, ref TAcc acc)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        Strip<TIn, TAcc, TVec, TW>(ref source, stride, rows, registers, ref acc);

    /// <summary>
    /// One to four registers of columns (each column its own chain) over <paramref name="rows"/> rows
    /// (a multiple of 4); <paramref name="registers"/> is a constant once inlined, so the tests fold away.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Strip<TIn, TAcc, TVec, TW>(ref TIn source, nint stride, int rows, int registers, ref TAcc acc)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int w = TW.Count;
        var zero = TW.Zero;
        var a0 = TW.Load(ref acc);
        var a1 = registers > 1 ? TW.Load(ref Unsafe.Add(ref acc, w)) : zero;
        var a2 = registers > 2 ? TW.Load(ref Unsafe.Add(ref acc, 2 * w)) : zero;
        var a3 = registers > 3 ? TW.Load(ref Unsafe.Add(ref acc, 3 * w)) : zero;
        for (int row = 0; row < rows; row += GroupRows)
        {
            ref TIn r0 = ref Unsafe.Add(ref source, row * stride);
            ref TIn r1 = ref Unsafe.Add(ref r0, stride);
            ref TIn r2 = ref Unsafe.Add(ref r1, stride);
            ref TIn r3 = ref Unsafe.Add(ref r2, stride);
            a0 = TW.Add(a0, Group<TIn, TAcc, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 0));
            if (registers > 1)
            {
                a1 = TW.Add(a1, Group<TIn, TAcc, TVec, TW>(ref r0, ref r1, ref r2, ref r3, w));
            }

            if (registers > 2)
            {
                a2 = TW.Add(a2, Group<TIn, TAcc, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 2 * w));
            }

            if (registers > 3)
            {
                a3 = TW.Add(a3, Group<TIn, TAcc, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 3 * w));
            }
        }

        TW.Store(a0, ref acc);
        if (registers > 1)
        {
            TW.Store(a1, ref Unsafe.Add(ref acc, w));
        }

        if (registers > 2)
        {
            TW.Store(a2, ref Unsafe.Add(ref acc, 2 * w));
        }

        if (registers > 3)
        {
            TW.Store(a3, ref Unsafe.Add(ref acc, 3 * w));
        }
    }

    /// <summary>(r0 + r1) + (r2 + r3) at column <paramref name="j"/>: the fixed pairing of a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Group<TIn, TAcc, TVec, TW>(ref TIn r0, ref TIn r1, ref TIn r2, ref TIn r3, int j)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        TW.Add(Pair<TIn, TAcc, TVec, TW>(ref r0, ref r1, j), Pair<TIn, TAcc, TVec, TW>(ref r2, ref r3, j));

    /// <summary>r0 + r1 at column <paramref name="j"/>: one half of a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Pair<TIn, TAcc, TVec, TW>(ref TIn r0, ref TIn r1, int j)
        where TIn : unmanaged
        where TAcc : unmanaged, INumberBase<TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec> =>
        TW.Add(Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref r0, j)), Lanes<TIn, TAcc, TVec, TW>.Read(ref Unsafe.Add(ref r1, j)));
}
