using System.Numerics;
using System.Runtime.InteropServices;
using TfOps.Kernels.Strategies;

namespace TfOps.Tests.Accuracy;

/// <summary>
/// The adversarial data of <see cref="LongestChainTests{T}"/> near the int32 element limit, where the
/// plans are deepest (every chain at its cap, and 2^16 blocks or pieces combined pairwise), with
/// bfloat16 inputs (4 GB of native memory: a managed array cannot hold that many elements, TensorFlow's
/// buffers can) and a closed-form exact reference; and float32 inputs of 2^28 elements
/// (1 GB), where a float32 result is checked for faithfulness. Run once, alone (not in parallel with
/// other suites), in Release:
/// <c>dotnet test tests/TfOps.Tests -c Release --filter TestCategory=LargeMemory</c>. Peak memory about
/// 4.5 GB; the default run leaves these out (they are <see cref="ExplicitAttribute"/>).
/// </summary>
[Category("LargeMemory")]
[Explicit("4 GB inputs: run alone with --filter TestCategory=LargeMemory")]
[NonParallelizable]
public unsafe class LargeMemoryTests
{
    /// <summary>The most elements TensorFlow allows (below 2^31 - 1), rounded down to whole super-rows of 8.</summary>
    private const int NearLimit = int.MaxValue - 7;

    [TestCase(53)]
    [TestCase(24)]
    public void BFloat16ColumnsAtTheInt32Limit(int absorbingPrecision)
    {
        var plan = ColumnPlan.Create(NearLimit, 1, 1, 1, sizeof(double));
        Assert.That((plan.Width, plan.RowsPerBlock, plan.LastRowLanes), Is.EqualTo((8, ColumnPlan.MaxBlockRows, 0)));
        var data = ChainData.For(FloatFormat.BFloat16, absorbingPrecision, 4);
        long rows = plan.FullRows, blocks = plan.RowBlocks;
        Assert.That(blocks, Is.GreaterThanOrEqualTo(1 << 16), "2^16 blocks: the deepest pairwise combination");

        // Per super-row of 8 lanes: B B B B -B -B -B -B opening each block, s s s s 0 0 0 0 elsewhere, M once.
        BigInteger big = FloatFormat.Scale(data.Big), small = FloatFormat.Scale(data.Small);
        BigInteger smalls = 4 * (rows - blocks) * small, magnitudes = (8 * blocks * big) + smalls;
        data = data with { Marker = ChainData.MarkerFor(magnitudes) };
        using var input = new NativeBuffer(NearLimit);
        Span<ushort> bits = input.Bits;
        ushort s = Bits(data.Small), b = Bits(data.Big), nb = Bits(-data.Big);
        MemoryMarshal.Cast<ushort, UInt128>(bits).Fill(Row(s, s, s, s, 0, 0, 0, 0));
        for (long block = 0; block < blocks; block++)
        {
            MemoryMarshal.Cast<ushort, UInt128>(bits)[(int)(block * plan.RowsPerBlock)] = Row(b, b, b, b, nb, nb, nb, nb);
        }

        bits[8 + 4] = Bits(data.Marker);
        Run(input.Values, [NearLimit, 1], DataFormat.NHWC, smalls + FloatFormat.Scale(data.Marker), magnitudes + FloatFormat.Scale(data.Marker));
    }

    [TestCase(53)]
    [TestCase(24)]
    public void BFloat16PlanePiecesAtTheInt32Limit(int absorbingPrecision)
    {
        var plan = PlanePlan.Create(1, 1, NearLimit, 1, sizeof(double));
        Assert.That(plan.PiecesPerPlane, Is.GreaterThanOrEqualTo(1 << 16), "2^16 pieces: the deepest pairwise combination");
        var data = ChainData.For(FloatFormat.BFloat16, absorbingPrecision, 1);
        int piece = plan.PieceLanes, slots = PlaneKernel.Slots;

        // In every piece: slots below 32 open with B then take s, slots from 32 open with -B then stay 0.
        long smallCount = 0;
        for (long start = 0; start < NearLimit; start += piece)
        {
            long length = Math.Min(piece, NearLimit - start);
            for (long offset = slots; offset < length; offset++)
            {
                smallCount += offset % slots < slots / 2 ? 1 : 0;
            }
        }

        BigInteger big = FloatFormat.Scale(data.Big), smalls = smallCount * FloatFormat.Scale(data.Small);
        BigInteger magnitudes = (plan.PiecesPerPlane * (long)slots * big) + smalls;
        data = data with { Marker = ChainData.MarkerFor(magnitudes) };
        var pattern = new ushort[piece];
        for (int offset = 0; offset < piece; offset++)
        {
            bool low = offset % slots < slots / 2;
            pattern[offset] = offset < slots ? Bits(low ? data.Big : -data.Big) : low ? Bits(data.Small) : (ushort)0;
        }

        using var input = new NativeBuffer(NearLimit);
        Span<ushort> bits = input.Bits;
        for (long start = 0; start < NearLimit; start += piece)
        {
            int length = (int)Math.Min(piece, NearLimit - start);
            pattern.AsSpan(0, length).CopyTo(bits.Slice((int)start, length));
        }

        bits[slots + (slots / 2)] = Bits(data.Marker);
        Run(input.Values, [1, 1, NearLimit], DataFormat.NCHW, smalls + FloatFormat.Scale(data.Marker), magnitudes + FloatFormat.Scale(data.Marker));
    }

    [TestCase(53)]
    [TestCase(24)]
    public void Float32ColumnsAtTwoToThe28(int absorbingPrecision)
    {
        const int n = 1 << 28;
        var plan = ColumnPlan.Create(n, 1, 1, 1, sizeof(double));
        var data = ChainData.For(FloatFormat.Single, absorbingPrecision, 4);
        long rows = plan.FullRows, blocks = plan.RowBlocks;
        BigInteger big = FloatFormat.Scale(data.Big), small = FloatFormat.Scale(data.Small);
        BigInteger smalls = 4 * (rows - blocks) * small, magnitudes = (8 * blocks * big) + smalls;
        data = data with { Marker = ChainData.MarkerFor(magnitudes) };
        var input = GC.AllocateUninitializedArray<float>(n);
        float s = (float)data.Small, b = (float)data.Big;
        for (long row = 0; row < rows; row++)
        {
            bool first = row % plan.RowsPerBlock == 0;
            input.AsSpan((int)(row * 8), 4).Fill(first ? b : s);
            input.AsSpan((int)(row * 8) + 4, 4).Fill(first ? -b : 0);
        }

        input[8 + 4] = (float)data.Marker;
        var output = new float[1];
        BiasAddGrad.Compute<float>(input, [n, 1], DataFormat.NHWC, output);
        BigInteger exact = smalls + FloatFormat.Scale(data.Marker);
        Assert.That(AccuracyTarget.Check(FloatFormat.Single, output[0], exact, magnitudes + FloatFormat.Scale(data.Marker)), Is.Null);
    }

    private static void Run(ReadOnlySpan<BFloat16> input, long[] shape, DataFormat format, BigInteger exact, BigInteger magnitudes)
    {
        Assert.That(BigInteger.Abs(exact) << AccuracyTarget.FaithfulBelow, Is.GreaterThanOrEqualTo(magnitudes), "the data must ask for a faithful result");
        var output = new BFloat16[1];
        BiasAddGrad.Compute<BFloat16>(input, shape, format, output);
        Assert.That(AccuracyTarget.Check(FloatFormat.BFloat16, output[0].ToSingle(), exact, magnitudes), Is.Null);
    }

    /// <summary>bfloat16 elements in native memory, freed on dispose.</summary>
    private sealed class NativeBuffer(int length) : IDisposable
    {
        private readonly void* _data = NativeMemory.AlignedAlloc((nuint)length * sizeof(ushort), 64);

        public Span<ushort> Bits => new(_data, length);

        public ReadOnlySpan<BFloat16> Values => new(_data, length);

        public void Dispose() => NativeMemory.AlignedFree(_data);
    }

    private static ushort Bits(double value) => BFloat16.FromSingle((float)value).RawValue;

    private static UInt128 Row(ushort a, ushort b, ushort c, ushort d, ushort e, ushort f, ushort g, ushort h) =>
        new(((ulong)h << 48) | ((ulong)g << 32) | ((ulong)f << 16) | e, ((ulong)d << 48) | ((ulong)c << 32) | ((ulong)b << 16) | a);
}
