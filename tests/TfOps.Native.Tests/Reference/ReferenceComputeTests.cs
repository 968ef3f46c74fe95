using System.Buffers.Binary;
using System.Numerics;
using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>TensorFlow's built-in BiasAddGrad through the eager C API, checked against naive sums and TensorFlow's documented arithmetic.</summary>
internal sealed class ReferenceComputeTests : ReferenceTestBase
{
    private static IEnumerable<TestCaseData> NumberTypesAndFormats() =>
        from dtype in TfDataTypes.BiasAddGradTypes
        where !TfDataTypes.IsQuantized(dtype)
        from format in new[] { DataFormat.NHWC, DataFormat.NCHW }
        select new TestCaseData(dtype, format);

    [TestCaseSource(nameof(NumberTypesAndFormats))]
    public void Computes_exact_sums_of_whole_numbers_for_every_number_type(TfDataType dtype, DataFormat format)
    {
        using TensorFlowReference reference = Open();
        foreach (long[] shape in new long[][] { [3, 2], [2, 3, 4, 2], [2, 3, 5], [1, 2, 3, 4, 2], [2, 1, 3, 1, 2, 3], [6, 1] })
        {
            var (input, expected) = WholeNumbers.Make(dtype, shape, format, seed: shape.Length * 31 + (int)dtype);

            TensorFlowTensor output = reference.BiasAddGrad(dtype, shape, format.ToAttrString(), input);

            long channels = shape[format == DataFormat.NHWC ? shape.Length - 1 : 1];
            Assert.Multiple(() =>
            {
                Assert.That(output.DataType, Is.EqualTo(dtype));
                Assert.That(output.Shape, Is.EqualTo(new[] { channels }));
                Assert.That(output.Data.ToArray(), Is.EqualTo(expected), $"{dtype} {format} [{string.Join(",", shape)}]");
            });
        }

        Assert.That(NativeFakeLibrary.Count(Fake, "builtin_computes"), Is.GreaterThan(0), "TensorFlow's own kernel ran");
    }

    [Test]
    public void Integer_sums_wrap_around_in_the_storage_type()
    {
        using TensorFlowReference reference = Open();
        sbyte[] values = [100, 100, 100, -128, -128, 7]; // [3, 2] NHWC: channel 0 = 100+100-128, channel 1 = 100-128+7
        byte[] input = [.. values.Select(v => (byte)v)];

        TensorFlowTensor output = reference.BiasAddGrad(TfDataType.Int8, [3, 2], "NHWC", input);

        long c0 = WholeNumbers.Wrap(new BigInteger(100 + 100 - 128), 1, signed: true);
        long c1 = WholeNumbers.Wrap(new BigInteger(100 - 128 + 7), 1, signed: true);
        Assert.That(output.Data.ToArray(), Is.EqualTo(new[] { (byte)(sbyte)c0, (byte)(sbyte)c1 }));
    }

    [Test]
    public void BFloat16_sums_stall_at_256_because_TensorFlow_adds_in_bfloat16()
    {
        // tf-biasaddgrad.md: "bfloat16 sums stall at 256 (300 ones give 256)".
        using TensorFlowReference reference = Open();
        byte[] ones = new byte[300 * 2];
        for (int i = 0; i < 300; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(ones.AsSpan(i * 2), 0x3F80); // bfloat16 1.0
        }

        TensorFlowTensor output = reference.BiasAddGrad(TfDataType.BFloat16, [300, 1], "NHWC", ones);

        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(output.Data.Span), Is.EqualTo(0x4380), "bfloat16 256.0");
    }

    [Test]
    public void Float16_NCHW_runs_are_summed_in_float16_and_NHWC_in_float()
    {
        // tf-biasaddgrad.md: NHWC accumulates float16 in float and rounds once; NCHW reduces each
        // contiguous run in float16 first, so TensorFlow's float16 NCHW is less accurate. 3000 values
        // of float16(1/3): partial sums in float16 lose bits at every step.
        using TensorFlowReference reference = Open();
        Half third = (Half)(1.0 / 3);
        byte[] input = new byte[3000 * 2];
        for (int i = 0; i < 3000; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(input.AsSpan(i * 2), third);
        }

        double exact = 3000 * (double)third;
        Half nhwc = BinaryPrimitives.ReadHalfLittleEndian(reference.BiasAddGrad(TfDataType.Half, [3000, 1], "NHWC", input).Data.Span);
        Half nchw = BinaryPrimitives.ReadHalfLittleEndian(reference.BiasAddGrad(TfDataType.Half, [1, 1, 3000], "NCHW", input).Data.Span);

        Assert.Multiple(() =>
        {
            Assert.That(nhwc, Is.EqualTo((Half)exact), "float accumulation rounded once");
            Assert.That(Math.Abs((double)nchw - exact), Is.GreaterThan(Math.Abs((double)nhwc - exact)), $"NCHW gave {nchw}");
        });
    }

    [TestCase("NHWC", new long[] { 1, 6 })]
    [TestCase("NHWC", new long[] { 1, 1, 1, 6 })]
    [TestCase("NCHW", new long[] { 1, 6 })]
    [TestCase("NCHW", new long[] { 1, 6, 1, 1 })]
    public void One_row_copies_the_input_so_negative_zero_stays(string format, long[] shape)
    {
        using TensorFlowReference reference = Open();
        float[] values = [-0.0f, 1.5f, -0.0f, -2f, 3f, -0.0f];
        byte[] input = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(input.AsSpan(i * 4), values[i]);
        }

        byte[] output = reference.BiasAddGrad(TfDataType.Float, shape, format, input).Data.ToArray();

        Assert.That(output, Is.EqualTo(input));
    }

    [Test]
    public void Negative_zeros_summed_over_rows_give_positive_zero()
    {
        // Every sum starts from +0 (the zeroed buffer): +0 + -0 = +0 in IEEE arithmetic.
        using TensorFlowReference reference = Open();
        byte[] input = new byte[3 * 4];
        for (int i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(input.AsSpan(i * 4), -0.0f);
        }

        float result = BinaryPrimitives.ReadSingleLittleEndian(reference.BiasAddGrad(TfDataType.Float, [3, 1], "NHWC", input).Data.Span);

        Assert.That(float.IsPositive(result) && result == 0, Is.True, $"got {result} (bits {BitConverter.SingleToUInt32Bits(result):X8})");
    }

    [TestCase(new long[] { 0, 2 }, 2)]
    [TestCase(new long[] { 4, 3, 0 }, 0)]
    [TestCase(new long[] { 0, 4, 3 }, 3)]
    public void Empty_inputs_give_zeros_of_the_channel_count(long[] shape, int channels)
    {
        using TensorFlowReference reference = Open();

        TensorFlowTensor output = reference.BiasAddGrad(TfDataType.Double, shape, "NHWC", []);

        Assert.Multiple(() =>
        {
            Assert.That(output.Shape, Is.EqualTo(new long[] { channels }));
            Assert.That(output.Data.ToArray(), Is.EqualTo(new byte[channels * 8]));
        });
    }
}
