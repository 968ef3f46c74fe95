using System.Numerics;
using System.Runtime.CompilerServices;
using TfOps.Kernels.Simd;

namespace TfOps.Kernels;

/// <summary>
/// Column sums of a row-major block into an accumulator row, in the order
/// <see cref="ReductionPlan"/> fixes: groups of four rows as <c>acc + ((r0 + r1) + (r2 + r3))</c>,
/// then the remaining rows one at a time, then an optional partial row. Each column is an
/// independent chain, so registers of any width (or none) give the same bits.
/// </summary>
internal static class ColumnKernel
{
    /// <summary>Rows are taken in chunks of about this many bytes, so re-reading a chunk per strip hits L1.</summary>
    private const int ChunkBytes = 16 * 1024;

    /// <param name="source">First row.</param>
    /// <param name="stride">Lanes between rows.</param>
    /// <param name="rows">Full rows (the caller keeps group boundaries at multiples of 4 from the block start).</param>
    /// <param name="columns">Lanes per row to sum.</param>
    /// <param name="partialColumns">Lanes of one more row after the full ones (0: none).</param>
    /// <param name="accumulator">Running sums, <paramref name="columns"/> lanes.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate<T, TVec, TW>(ref T source, nint stride, int rows, int columns, int partialColumns, ref T accumulator)
        where T : unmanaged, IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
        where TVec : unmanaged
        where TW : IWidth<T, TVec>
    {
        int vectorEnd = columns - (columns % TW.Count);
        int groupedRows = rows & ~3;

        // Accumulators stay in registers for a strip of up to four vectors while a chunk of rows
        // (small enough to stay in L1) streams past; the next strip re-reads the chunk from L1.
        int chunkRows = Math.Max(4, (ChunkBytes / Math.Max(1, columns * Unsafe.SizeOf<T>())) & ~3);
        for (int chunk = 0; chunk < groupedRows; chunk += chunkRows)
        {
            int chunkEnd = Math.Min(groupedRows, chunk + chunkRows);
            ref T first = ref Unsafe.Add(ref source, chunk * stride);
            int j = 0;
            for (; j + (4 * TW.Count) <= vectorEnd; j += 4 * TW.Count)
            {
                Strip4<T, TVec, TW>(ref Unsafe.Add(ref first, j), stride, chunkEnd - chunk, ref Unsafe.Add(ref accumulator, j));
            }

            if (j < vectorEnd)
            {
                StripUpTo3<T, TVec, TW>(ref Unsafe.Add(ref first, j), stride, chunkEnd - chunk, (vectorEnd - j) / TW.Count, ref Unsafe.Add(ref accumulator, j));
                j = vectorEnd;
            }

            for (; j < columns; j++)
            {
                StripUpTo3<T, T, WidthScalar<T>>(ref Unsafe.Add(ref first, j), stride, chunkEnd - chunk, 1, ref Unsafe.Add(ref accumulator, j));
            }
        }

        int row = groupedRows;
        for (; row < rows; row++)
        {
            AddRow<T, TVec, TW>(ref Unsafe.Add(ref source, row * stride), columns, ref accumulator);
        }

        if (partialColumns > 0)
        {
            AddRow<T, TVec, TW>(ref Unsafe.Add(ref source, rows * stride), partialColumns, ref accumulator);
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
