using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// The tolerance a TensorFlow export writes, against values worked out by hand from DESIGN.md's rule,
/// and against the Python exporter's own numbers in the committed (numpy) manifest.
/// </summary>
public class TensorFlowToleranceTests
{
    private static GoldenTolerance? For(TfDataType dtype, DataFormat format, long[] shape, byte[] input) =>
        TensorFlowTolerance.For(GoldenDtype.For(dtype), format, shape, input);

    private static byte[] Floats(params float[] values)
    {
        byte[] bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    private static byte[] Halves(params double[] values)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        }

        return bytes;
    }

    private static byte[] BFloat16s(params float[] values)
    {
        byte[] bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)(BitConverter.SingleToUInt32Bits(values[i]) >> 16));
        }

        return bytes;
    }

    [Test]
    public void Float32_random_values_get_half_an_ulp_and_n_eps_times_the_largest_channel_sum()
    {
        // [2, 2] NHWC: channel 0 = {0.5, 0.75} (sum |x| 1.25), channel 1 = {-0.25, -1.5} (1.75); n = 2.
        GoldenTolerance? tolerance = For(TfDataType.Float, DataFormat.NHWC, [2, 2], Floats(0.5f, -0.25f, 0.75f, -1.5f));

        Assert.That(tolerance, Is.EqualTo(new GoldenTolerance(Math.Pow(2, -24), 2 * Math.Pow(2, -23) * 1.75)));
    }

    [Test]
    public void NCHW_channels_are_axis_1_and_their_terms_span_batch_and_inner_axes()
    {
        // [2, 2, 2] NCHW: channel 0 = {1, -2, 0.5, 0.25} (3.75), channel 1 = {3, 4, -0.5, 0.5} (8); n = 4.
        GoldenTolerance? tolerance = For(TfDataType.Float, DataFormat.NCHW, [2, 2, 2], Floats(1, -2, 3, 4, 0.5f, 0.25f, -0.5f, 0.5f));

        Assert.That(tolerance, Is.EqualTo(new GoldenTolerance(Math.Pow(2, -24), 4 * Math.Pow(2, -23) * 8)));
    }

    [Test]
    public void Whole_numbers_and_non_finite_values_are_exact_where_the_accumulator_is_wider()
    {
        Assert.Multiple(() =>
        {
            Assert.That(For(TfDataType.Float, DataFormat.NHWC, [2, 2], Floats(1, -2, 3, 4)), Is.EqualTo(GoldenTolerance.Exact));
            Assert.That(For(TfDataType.Float, DataFormat.NHWC, [2, 2], Floats(float.NaN, 0.5f, 3, float.PositiveInfinity)), Is.EqualTo(GoldenTolerance.Exact));
            Assert.That(For(TfDataType.Half, DataFormat.NHWC, [2, 2], Halves(1, -2, 3, 4)), Is.EqualTo(GoldenTolerance.Exact), "float16 NHWC sums in float");
            Assert.That(For(TfDataType.Double, DataFormat.NCHW, [0, 3], []), Is.EqualTo(GoldenTolerance.Exact));
        });
    }

    [Test]
    public void BFloat16_accumulates_in_bfloat16_so_whole_numbers_get_its_eps_too()
    {
        // [3, 1] NHWC of 2, -3, 4: n = 3, sum |x| = 9; eps(bfloat16) = 2^-7, half an ulp 2^-8.
        Assert.Multiple(() =>
        {
            Assert.That(For(TfDataType.BFloat16, DataFormat.NHWC, [3, 1], BFloat16s(2, -3, 4)), Is.EqualTo(new GoldenTolerance(Math.Pow(2, -8), 3 * Math.Pow(2, -7) * 9)));
            Assert.That(For(TfDataType.BFloat16, DataFormat.NCHW, [1, 1, 3], BFloat16s(2, -3, 4)), Is.EqualTo(new GoldenTolerance(Math.Pow(2, -8), 3 * Math.Pow(2, -7) * 9)));
            // Non-finite: rtol 0, atol over the finite values only (2 + 4).
            Assert.That(For(TfDataType.BFloat16, DataFormat.NHWC, [3, 1], BFloat16s(2, float.NaN, 4)), Is.EqualTo(new GoldenTolerance(0, 3 * Math.Pow(2, -7) * 6)));
            // Empty: nothing to sum, only the output's half ulp.
            Assert.That(For(TfDataType.BFloat16, DataFormat.NHWC, [0, 2], []), Is.EqualTo(new GoldenTolerance(Math.Pow(2, -8), 0)));
        });
    }

    [Test]
    public void Float16_NCHW_runs_are_reduced_in_float16_so_its_eps_applies()
    {
        // [1, 2, 2] NCHW of 1, 2 | 3, -0.5: channel 1 sum |x| = 3.5, n = 2; eps(float16) = 2^-10.
        Assert.That(For(TfDataType.Half, DataFormat.NCHW, [1, 2, 2], Halves(1, 2, 3, -0.5)), Is.EqualTo(new GoldenTolerance(Math.Pow(2, -11), 2 * Math.Pow(2, -10) * 3.5)));
    }

    [Test]
    public void Complex_components_are_summed_separately()
    {
        // complex64 [2, 1] NHWC: (1 + 4i), (-2 + 1.5i): real sum |x| 3, imaginary 5.5; n = 2.
        GoldenTolerance? tolerance = For(TfDataType.Complex64, DataFormat.NHWC, [2, 1], Floats(1, 4, -2, 1.5f));

        Assert.That(tolerance, Is.EqualTo(new GoldenTolerance(Math.Pow(2, -24), 2 * Math.Pow(2, -23) * 5.5)));
    }

    [TestCase(TfDataType.Int32)]
    [TestCase(TfDataType.QInt8)]
    [TestCase(TfDataType.UInt64)]
    public void Integers_compare_exactly(TfDataType dtype) =>
        Assert.That(For(dtype, DataFormat.NHWC, [1, 1], new byte[TfDataTypes.ElementSize(dtype)]), Is.Null);

    [Test]
    public void Matches_the_python_exporters_tolerances_in_the_committed_manifest()
    {
        // The numpy export accumulates in float32/float64 everywhere; a TensorFlow export differs only
        // where TensorFlow rounds partial sums to the storage type: bfloat16 random cases widen by
        // eps(bfloat16)/eps(float32) = 2^16, float16 NCHW random cases by eps(float16)/eps(float32) = 2^13.
        GoldenManifest manifest = ManifestLoader.Load(Fixtures.Shipped);
        var mismatches = new List<string>();
        int compared = 0;
        foreach (GoldenCase c in manifest.Entries.Select(e => e.Case!).Where(c => c.Expected is not null && c.Tolerance is not null))
        {
            var dtype = GoldenDtype.For(GoldenDtype.TryFind(c.Dtype, out var d) ? d.DataType : throw new AssertionException(c.Dtype));
            var format = DataFormats.Parse(c.DataFormat);
            byte[] input = NpyReader.Read(manifest.Resolve(c.Input), dtype).Data;
            GoldenTolerance ours = TensorFlowTolerance.For(dtype, format, c.Shape, input, c.Values)!;
            GoldenTolerance python = c.Tolerance!;
            // The -tfmodel cases already carry the tolerance a TensorFlow export writes.
            bool widened = TensorFlowTolerance.AccumulatesInStorageType(dtype.DataType, format) && c.ExpectedSource != "numpy-tf-model";
            double scale = dtype.DataType == TfDataType.BFloat16 ? 65536 : 8192;
            // numpy adds |x| pairwise, this code in order: the atols may differ in the last bits.
            bool agrees = !widened
                ? ours.Rtol == python.Rtol && Math.Abs(ours.Atol - python.Atol) <= 1e-12 * ours.Atol
                : c.Values != "random" || (ours.Rtol == python.Rtol && Math.Abs(ours.Atol - (python.Atol * scale)) <= 1e-12 * ours.Atol);
            if (!agrees)
            {
                mismatches.Add($"{c.Id}: ours {ours}, the exporter's {python}");
            }

            compared++;
        }

        Assert.Multiple(() =>
        {
            // 26 planned cases and 2 signed-zero cases per floating dtype and format, plus 19 float16 NCHW -tfmodel cases.
            Assert.That(compared, Is.EqualTo((6 * 2 * (26 + 2)) + 19), "every case of the six floating dtypes in both formats");
            Assert.That(mismatches, Is.Empty);
        });
    }

    [Test]
    public void Classifies_the_committed_cases_as_the_exporter_labelled_them()
    {
        // Exact (0, 0) exactly where the exporter wrote values "whole", "nonfinite", "empty" or "signedzero".
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Shipped, "manifest.json")))!["cases"]!.AsArray().Select(n => n!.AsObject());
        GoldenManifest manifest = ManifestLoader.Load(Fixtures.Shipped);
        var wrong = new List<string>();
        foreach (JsonObject c in cases.Where(c => (string?)c["dtype"] is "float32" or "float64" or "complex64" or "complex128"))
        {
            GoldenCase golden = manifest.Entries.Single(e => e.Id == (string)c["id"]!).Case!;
            if (golden.Error is not null)
            {
                continue;
            }

            GoldenTolerance? ours = TensorFlowTolerance.For(GoldenDtype.TryFind(golden.Dtype, out var d) ? d : null!, DataFormats.Parse(golden.DataFormat), golden.Shape,
                NpyReader.Read(manifest.Resolve(golden.Input), d!).Data, golden.Values);
            bool exact = (string?)c["values"] is "whole" or "nonfinite" or "empty" or "signedzero";
            if ((ours == GoldenTolerance.Exact) != exact)
            {
                wrong.Add($"{golden.Id} ({(string?)c["values"]}): {ours}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }
}
