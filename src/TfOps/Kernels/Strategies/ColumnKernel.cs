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

    /// <summary>Rows are taken in chunks of about this many accumulator bytes, so re-reading a chunk per strip hits L1.</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Whole groups in <paramref name="rows"/> rows.</summary>
    public static int GroupsIn(int rows) => rows / GroupRows;

    /// <summary>The smallest whole number of groups' rows at least <paramref name="rows"/>: plans cut blocks there.</summary>
    public static int RoundUpToGroups(int rows) => GroupsIn(rows + GroupRows - 1) * GroupRows;

    /// <summary>
    /// Adds <paramref name="rows"/> full rows (and <paramref name="partialColumns"/> lanes of one more
    /// row) of <paramref name="columns"/> lanes, <paramref name="stride"/> lanes apart, into
    /// <paramref name="accumulator"/>. float16 and bfloat16 rows are widened a chunk at a time into a
    /// pooled buffer; chunks are whole groups, so widening never moves a group boundary.
    /// </summary>
    public static void AccumulateBlock<TStore, TAcc, TOp, TVec, TW>(TStore* first, int stride, int rows, int columns, int partialColumns, Span<TAcc> accumulator)
        where TStore : unmanaged
        where TAcc : unmanaged, IAdditionOperators<TAcc, TAcc, TAcc>, IAdditiveIdentity<TAcc, TAcc>
        where TOp : IAccumulator<TStore, TAcc>
        where TVec : unmanaged
        where TW : IWidth<TAcc, TVec>
    {
        int chunkRows = Math.Max(GroupRows, GroupsIn(ChunkBytes / Math.Max(1, columns * sizeof(TAcc))) * GroupRows);
        TAcc[]? buffer = typeof(TStore) == typeof(TAcc) ? null : ArrayPool<TAcc>.Shared.Rent(chunkRows * columns);
        try
        {
            ref TAcc acc = ref accumulator[0];
            for (int done = 0; done < rows; done += chunkRows)
            {
                int take = Math.Min(chunkRows, rows - done);
                ref TAcc chunk = ref Rows<TStore, TAcc, TOp>(first + ((long)done * stride), stride, take, columns, buffer, out int chunkStride);

                // Only the block's last chunk can end in leftover rows: every other chunk is whole groups.
                int grouped = GroupsIn(take) * GroupRows;
                SweepGroups<TAcc, TVec, TW>(ref chunk, chunkStride, grouped, columns, ref acc);
                for (int row = grouped; row < take; row++)
                {
                    AddRow<TAcc, TVec, TW>(ref Unsafe.Add(ref chunk, (nint)row * chunkStride), columns, ref acc);
                }
            }

            if (partialColumns > 0)
            {
                AddRow<TAcc, TVec, TW>(ref Rows<TStore, TAcc, TOp>(first + ((long)rows * stride), stride, 1, partialColumns, buffer, out _), partialColumns, ref acc);
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<TAcc>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The rows as accumulator lanes: in place when the types agree, else widened into <paramref name="buffer"/>.</summary>
    private static ref TAcc Rows<TStore, TAcc, TOp>(TStore* source, int stride, int rows, int columns, TAcc[]? buffer, out int rowStride)
        where TStore : unmanaged
        where TAcc : unmanaged
        where TOp : IAccumulator<TStore, TAcc>
    {
        if (buffer is null)
        {
            rowStride = stride;
            return ref Unsafe.AsRef<TAcc>(source);
        }

        for (int r = 0; r < rows; r++)
        {
            TOp.WidenSpan(new ReadOnlySpan<TStore>(source + ((long)r * stride), columns), buffer.AsSpan(r * columns, columns));
        }

        rowStride = columns;
        return ref buffer[0];
    }

    /// <summary>Groups of four rows (<paramref name="rows"/> is a multiple of four) in strips of registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepGroups<T, TVec, TW>(ref T source, nint stride, int rows, int columns, ref T accumulator)
        where T : unmanaged, IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        // Accumulators stay in registers for a strip of up to four vectors while the chunk streams past;
        // the next strip re-reads the chunk from L1.
        int vectorEnd = columns - (columns % TW.Count);
        int j = 0;
        for (; j + (4 * TW.Count) <= vectorEnd; j += 4 * TW.Count)
        {
            Strip4<T, TVec, TW>(ref Unsafe.Add(ref source, j), stride, rows, ref Unsafe.Add(ref accumulator, j));
        }

        if (j < vectorEnd)
        {
            StripUpTo3<T, TVec, TW>(ref Unsafe.Add(ref source, j), stride, rows, (vectorEnd - j) / TW.Count, ref Unsafe.Add(ref accumulator, j));
            j = vectorEnd;
        }

        for (; j < columns; j++)
        {
            StripUpTo3<T, T, WidthScalar<T>>(ref Unsafe.Add(ref source, j), stride, rows, 1, ref Unsafe.Add(ref accumulator, j));
        }
    }

    /// <summary>Four registers of columns over <paramref name="rows"/> rows (a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Strip4<T, TVec, TW>(ref T source, nint stride, int rows, ref T acc)
        where T : unmanaged
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int w = TW.Count;
        TVec a0 = TW.Load(ref acc), a1 = TW.Load(ref Unsafe.Add(ref acc, w));
        TVec a2 = TW.Load(ref Unsafe.Add(ref acc, 2 * w)), a3 = TW.Load(ref Unsafe.Add(ref acc, 3 * w));
        for (int row = 0; row < rows; row += 4)
        {
            ref T r0 = ref Unsafe.Add(ref source, row * stride);
            ref T r1 = ref Unsafe.Add(ref r0, stride);
            ref T r2 = ref Unsafe.Add(ref r1, stride);
            ref T r3 = ref Unsafe.Add(ref r2, stride);
            a0 = TW.Add(a0, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 0));
            a1 = TW.Add(a1, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, w));
            a2 = TW.Add(a2, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 2 * w));
            a3 = TW.Add(a3, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 3 * w));
        }

        TW.Store(a0, ref acc);
        TW.Store(a1, ref Unsafe.Add(ref acc, w));
        TW.Store(a2, ref Unsafe.Add(ref acc, 2 * w));
        TW.Store(a3, ref Unsafe.Add(ref acc, 3 * w));
    }

    /// <summary>One to three registers of columns over <paramref name="rows"/> rows (a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StripUpTo3<T, TVec, TW>(ref T source, nint stride, int rows, int registers, ref T acc)
        where T : unmanaged
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int w = TW.Count;
        TVec a0 = TW.Load(ref acc);
        TVec a1 = registers > 1 ? TW.Load(ref Unsafe.Add(ref acc, w)) : TW.Zero;
        TVec a2 = registers > 2 ? TW.Load(ref Unsafe.Add(ref acc, 2 * w)) : TW.Zero;
        for (int row = 0; row < rows; row += 4)
        {
            ref T r0 = ref Unsafe.Add(ref source, row * stride);
            ref T r1 = ref Unsafe.Add(ref r0, stride);
            ref T r2 = ref Unsafe.Add(ref r1, stride);
            ref T r3 = ref Unsafe.Add(ref r2, stride);
            a0 = TW.Add(a0, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 0));
            if (registers > 1)
            {
                a1 = TW.Add(a1, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, w));
            }

            if (registers > 2)
            {
                a2 = TW.Add(a2, Quad<T, TVec, TW>(ref r0, ref r1, ref r2, ref r3, 2 * w));
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
    }

    /// <summary>(r0 + r1) + (r2 + r3) at column <paramref name="j"/>: the fixed pairing of a group.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Quad<T, TVec, TW>(ref T r0, ref T r1, ref T r2, ref T r3, int j)
        where T : unmanaged
        where TVec : unmanaged
        where TW : IWidth<T, TVec> =>
        TW.Add(
            TW.Add(TW.Load(ref Unsafe.Add(ref r0, j)), TW.Load(ref Unsafe.Add(ref r1, j))),
            TW.Add(TW.Load(ref Unsafe.Add(ref r2, j)), TW.Load(ref Unsafe.Add(ref r3, j))));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRow<T, TVec, TW>(ref T row, int columns, ref T acc)
        where T : unmanaged, IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int vectorEnd = columns - (columns % TW.Count);
        int j = 0;
        for (; j < vectorEnd; j += TW.Count)
        {
            ref T a = ref Unsafe.Add(ref acc, j);
            TW.Store(TW.Add(TW.Load(ref a), TW.Load(ref Unsafe.Add(ref row, j))), ref a);
        }

        for (; j < columns; j++)
        {
            ref T a = ref Unsafe.Add(ref acc, j);
            a = unchecked(a + Unsafe.Add(ref row, j));
        }
    }
}
