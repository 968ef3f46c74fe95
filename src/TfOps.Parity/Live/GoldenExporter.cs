using System.Text.RegularExpressions;

namespace TfOps.Parity;

/// <summary>What an export wrote.</summary>
/// <param name="OutDirectory">Where the manifest and cases went.</param>
/// <param name="ManifestProblem">Why nothing could be exported (an unusable source manifest, a bad --out), or null.</param>
/// <param name="Values">Cases written with TensorFlow's output as expected.</param>
/// <param name="Errors">Cases written with TensorFlow's failure as error.</param>
/// <param name="Kept">Cases TensorFlow has no kernel for, written with the source manifest's expected values.</param>
/// <param name="Skipped">Cases not written, with the reason.</param>
public sealed record ExportReport(string OutDirectory, string? ManifestProblem, int Values, int Errors, int Kept, IReadOnlyList<string> Skipped)
{
    /// <summary>Every case written.</summary>
    public int Written => Values + Errors + Kept;

    /// <summary>True when every source case was written.</summary>
    public bool Complete => ManifestProblem is null && Skipped.Count == 0;
}

/// <summary>
/// Writes <c>tfops-golden/1</c> fixtures from TensorFlow itself (<c>tfops export --tensorflow</c>):
/// the inputs of a source manifest's cases, TensorFlow's outputs as <c>expected</c> and its failures as
/// <c>error</c>, with the tolerance a TensorFlow export carries (<see cref="TensorFlowTolerance"/>).
/// Producer backend <c>tensorflow-c</c>, version TensorFlow's TF_Version(), <c>expected_source</c>
/// <c>tensorflow</c>. Where TensorFlow has no kernel (NotFound: the quantized dtypes), the case keeps
/// the source's expected values and TensorFlow's status goes into <c>note</c>, as export_golden.py does.
/// </summary>
public static partial class GoldenExporter
{
    /// <summary>The producer backend an export through TensorFlow's C API records.</summary>
    public const string Backend = "tensorflow-c";

    /// <summary>
    /// Exports every case of <paramref name="sourceDirectory"/>'s manifest through <paramref name="tensorflow"/>
    /// into <paramref name="outDirectory"/> (its manifest.json is written, its cases/ folder replaced).
    /// </summary>
    public static ExportReport Export(string sourceDirectory, string outDirectory, IReferenceKernel tensorflow, string tensorflowVersion,
        Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sourceDirectory);
        ArgumentNullException.ThrowIfNull(outDirectory);
        ArgumentNullException.ThrowIfNull(tensorflow);
        string output = Path.GetFullPath(outDirectory);
        GoldenManifest source;
        try
        {
            source = ManifestLoader.Load(sourceDirectory);
        }
        catch (ManifestException e)
        {
            return new ExportReport(output, e.Message, 0, 0, 0, []);
        }

        if (string.Equals(output.TrimEnd(Path.DirectorySeparatorChar), source.Directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            return new ExportReport(output, $"--out {output} is the source folder; its cases would be replaced while they are read", 0, 0, 0, []);
        }

        string cases = Path.Combine(output, "cases");
        if (Directory.Exists(cases))
        {
            Directory.Delete(cases, recursive: true);
        }

        Directory.CreateDirectory(output);
        var written = new List<GoldenCase>();
        var skipped = new List<string>();
        int values = 0, errors = 0, kept = 0;
        foreach (GoldenEntry entry in source.Entries)
        {
            try
            {
                if (entry.Case is not { } golden)
                {
                    skipped.Add($"{entry.Id}: {entry.Problem}");
                }
                else if (CaseInput.TryRead(source, golden, out string? problem) is not { } read)
                {
                    skipped.Add($"{golden.Id}: {problem}");
                }
                else
                {
                    GoldenCase exported = ExportCase(source, read, output, CaseFolder(golden.Id, entry.Index), tensorflow, tensorflowVersion);
                    written.Add(exported);
                    if (exported.Error is not null)
                    {
                        errors++;
                    }
                    else if (exported.ExpectedSource == "tensorflow")
                    {
                        values++;
                    }
                    else
                    {
                        kept++;
                    }
                }
            }
#pragma warning disable CA1031 // one case that cannot be exported (a file, TensorFlow itself) is reported and skipped, never the end of the run
            catch (Exception e)
#pragma warning restore CA1031
            {
                skipped.Add($"{entry.Id}: {e.GetType().Name}: {e.Message}");
            }

            progress?.Invoke(written.Count + skipped.Count, source.Entries.Count);
        }

        ManifestWriter.Write(Path.Combine(output, "manifest.json"), Backend, tensorflowVersion, written);
        return new ExportReport(output, null, values, errors, kept, skipped);
    }

    private static GoldenCase ExportCase(GoldenManifest source, CaseInput read, string output, string folder, IReferenceKernel tensorflow, string version)
    {
        GoldenCase golden = read.Case;
        string input = $"{folder}/input.npy";
        Directory.CreateDirectory(Path.Combine(output, folder));
        File.Copy(source.Resolve(golden.Input), Path.Combine(output, input), overwrite: true);
        var exported = new GoldenCase
        {
            Id = golden.Id, Op = golden.Op, Dtype = golden.Dtype, DataFormat = golden.DataFormat, Shape = golden.Shape,
            Seed = golden.Seed, Values = golden.Values, Input = input,
        };

        ReferenceOutcome tf = tensorflow.Run(read.Dtype, golden.DataFormat, golden.Shape, read.Input.Data);
        if (tf.Failed && tf.Code == TfCode.NotFound && TfDataTypes.IsBiasAddGradType(read.Dtype.DataType) && golden.Error is null && golden.Expected is not null)
        {
            // No kernel in this TensorFlow (the quantized dtypes): the source's expectation stays, graded, never an expected failure.
            NpyTensor kept = NpyReader.Read(source.Resolve(golden.Expected), read.Dtype);
            string expected = $"{folder}/expected.npy";
            NpyWriter.Write(Path.Combine(output, expected), read.Dtype, kept.Shape, kept.Data);
            return exported with
            {
                Expected = expected, Tolerance = golden.Tolerance,
                ExpectedSource = golden.ExpectedSource ?? $"{source.ProducerBackend} {source.ProducerVersion}",
                Note = $"TensorFlow {version} has no kernel: {TfCodes.Name(tf.Code!.Value)} {tf.Message}",
            };
        }

        if (tf.Failed)
        {
            return exported with { Error = new GoldenError(TfCodes.Name(tf.Code!.Value), tf.Message!) };
        }

        string path = $"{folder}/expected.npy";
        NpyWriter.Write(Path.Combine(output, path), read.Dtype, tf.Shape!, tf.Data);
        bool known = DataFormats.TryParse(golden.DataFormat, out DataFormat format);
        return exported with
        {
            Expected = path, ExpectedSource = "tensorflow",
            Tolerance = known ? TensorFlowTolerance.For(read.Dtype, format, golden.Shape, read.Input.Data, golden.Values) : null,
            Note = known && TensorFlowTolerance.AccumulatesInStorageType(read.Dtype.DataType, format)
                ? "TensorFlow's CPU kernel rounds partial sums to the storage type here (bfloat16; float16 NCHW runs): the tolerance widens with that type's eps"
                : null,
        };
    }

    // Case folders follow the id (dtype/format/shape), as export_golden.py lays them out; an id that
    // is not a plain relative path gets a folder named by its position instead.
    private static string CaseFolder(string id, int index) =>
        SafeId().IsMatch(id) && !id.Split('/').Any(part => part is "" or "." or "..") ? $"cases/{id}" : $"cases/case-{index}";

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SafeId();
}
