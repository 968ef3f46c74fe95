using System.Buffers.Binary;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// How a case is graded against TensorFlow, with TensorFlow played by hand-written stand-ins that
/// answer from the committed fixtures (the numpy model's exact sums), so no native code is involved.
/// </summary>
public class LiveCaseGraderTests
{
    private static readonly GoldenManifest Manifest = ManifestLoader.Load(Fixtures.Shipped);

    private sealed class Answer(Func<GoldenCase, ReferenceOutcome> answer) : IReferenceKernel
    {
        public GoldenCase? Current { get; set; }

        public int Calls { get; private set; }

        public ReferenceOutcome Run(GoldenDtype dtype, string dataFormat, IReadOnlyList<long> shape, byte[] input)
        {
            Calls++;
            return answer(Current!);
        }
    }

    private static CaseResult Grade(string id, Func<GoldenCase, ReferenceOutcome> tensorflow, Func<GoldenCase, ReferenceOutcome>? plugin = null)
    {
        GoldenEntry entry = Manifest.Entries.Single(e => e.Id == id);
        var tf = new Answer(tensorflow) { Current = entry.Case };
        var inside = plugin is null ? null : new Answer(plugin) { Current = entry.Case };
        return LiveCaseGrader.Grade(Manifest, entry, tf, inside, "9.9.9");
    }

    // The committed expectation: for whole-number cases, the exact sum.
    private static ReferenceOutcome Expected(GoldenCase c)
    {
        NpyTensor expected = NpyReader.Read(Manifest.Resolve(c.Expected!), GoldenDtype.TryFind(c.Dtype, out var d) ? d : throw new AssertionException(c.Dtype));
        return ReferenceOutcome.Value(expected.Shape, expected.Data);
    }

    private static ReferenceOutcome NextUlp(GoldenCase c)
    {
        ReferenceOutcome exact = Expected(c);
        byte[] data = (byte[])exact.Data!.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(data, MathF.BitIncrement(BinaryPrimitives.ReadSingleLittleEndian(data)));
        return ReferenceOutcome.Value(exact.Shape!, data);
    }

    [Test]
    public void A_whole_number_case_passes_on_the_exact_sum_and_fails_one_ulp_away()
    {
        CaseResult exact = Grade("float32/NHWC/2x3x4x2", Expected);
        CaseResult off = Grade("float32/NHWC/2x3x4x2", NextUlp);

        Assert.Multiple(() =>
        {
            Assert.That(exact.Passed, Is.True, exact.Reason);
            Assert.That(off.Passed, Is.False);
            Assert.That(off.Reason, Does.StartWith("TfOps vs TensorFlow: element 0"));
        });
    }

    [Test]
    public void A_random_case_is_graded_with_TensorFlows_tolerance_not_the_manifests()
    {
        // One float32 ulp is inside n * eps * sum|x| with 128 terms per channel, whatever the manifest says.
        CaseResult result = Grade("float32/NHWC/64x2x2x2", NextUlp);

        Assert.That(result.Passed, Is.True, result.Reason);
    }

    [Test]
    public void An_error_case_passes_only_with_the_same_code_and_message()
    {
        var same = Grade("float32/NHWC/rank1", _ => ReferenceOutcome.Failure(TfCode.InvalidArgument, "Input tensor must be at least 2D: [5]"));
        var otherText = Grade("float32/NHWC/rank1", _ => ReferenceOutcome.Failure(TfCode.InvalidArgument, "Input tensor must be at least 2D: [5] "));
        var otherCode = Grade("float32/NHWC/rank1", _ => ReferenceOutcome.Failure(TfCode.Unimplemented, "Input tensor must be at least 2D: [5]"));
        var computed = Grade("float32/NHWC/rank1", _ => ReferenceOutcome.Value([5], new byte[20]));

        Assert.Multiple(() =>
        {
            Assert.That(same.Passed, Is.True, same.Reason);
            Assert.That(otherText.Passed, Is.False);
            Assert.That(otherCode.Passed, Is.False);
            Assert.That(computed.Reason, Does.Contain("but TfOps failed with INVALID_ARGUMENT"));
        });
    }

    [Test]
    public void A_value_case_fails_when_TensorFlow_fails()
    {
        CaseResult result = Grade("int32/NHWC/3x2", _ => ReferenceOutcome.Failure(TfCode.Internal, "boom"));

        Assert.That((result.Passed, result.Reason), Is.EqualTo((false, "TensorFlow failed with INTERNAL \"boom\", but TfOps computed an output of shape [2]")));
    }

    [Test]
    public void Quantized_cases_expect_TensorFlows_NotFound_and_grade_TfOps_against_the_manifest()
    {
        var notFound = Grade("qint8/NHWC/5x3-wrap", _ => ReferenceOutcome.Failure(TfCode.NotFound, "No registered 'BiasAddGrad' OpKernel"));
        var computed = Grade("qint8/NHWC/5x3-wrap", Expected);

        Assert.Multiple(() =>
        {
            Assert.That(notFound.Passed, Is.True, notFound.Reason);
            Assert.That(notFound.Note, Does.StartWith("TensorFlow 9.9.9 has no kernel: NOT_FOUND"));
            Assert.That(computed.Passed, Is.False);
            Assert.That(computed.Reason, Does.Contain("NOT_FOUND was expected"));
        });
    }

    [Test]
    public void The_plugin_must_match_TensorFlow_and_the_managed_kernels_bits()
    {
        var agreeing = Grade("float32/NCHW/2x3x4x2", Expected, Expected);
        var offByUlp = Grade("float32/NCHW/64x2x2x2", Expected, NextUlp); // within tolerance, but not the managed kernel's bits
        var failing = Grade("float32/NCHW/2x3x4x2", Expected, _ => ReferenceOutcome.Failure(TfCode.Internal, "plugin broke"));

        Assert.Multiple(() =>
        {
            Assert.That(agreeing.Passed, Is.True, agreeing.Reason);
            Assert.That(agreeing.Plugin, Is.EqualTo(new PluginResult(true, null, 0, 0)));
            Assert.That(offByUlp.Passed, Is.False);
            Assert.That(offByUlp.Reason, Does.Contain("plugin inside TensorFlow: its output differs in bits from the managed kernel's"));
            Assert.That(failing.Plugin!.Passed, Is.False);
            Assert.That(failing.Passed, Is.False);
        });
    }

    [Test]
    public void A_stand_in_that_throws_fails_only_its_case()
    {
        CaseResult result = Grade("float64/NHWC/3x2", _ => throw new InvalidOperationException("native failure"));

        Assert.That((result.Passed, result.Reason), Is.EqualTo((false, "unexpected InvalidOperationException: native failure")));
    }
}
