using System.Text.Json;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchJsonTests
{
    private static readonly BenchCase s_case = new(DataFormat.NHWC, [256, 1024]);

    private static JsonElement WriteAndRead(BenchSettings settings, params BenchResult[] results)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("tfops-bench-json-").FullName, "r.json");
        BenchJson.Write(path, results, settings);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    [Test]
    public void DocumentCarriesDtypeMachineSettingsAndOneEntryPerShape()
    {
        var settings = new BenchSettings(TfDataType.BFloat16, BenchShapeSet.Large, Reps: 4, MaxThreads: 2);
        // Times out of order: median 3, quartiles 2 and 4 (interpolated), minimum 1.
        var tfops = BenchTimes.From([5, 1, 3], calls: 7);
        var reference = BenchTimes.From([6, 6, 6], calls: 4);
        var root = WriteAndRead(settings, new BenchResult(s_case, TfDataType.BFloat16, tfops, reference, ParallelProbe: 1.9));

        Assert.That(root.GetProperty("format").GetString(), Is.EqualTo("tfops-bench/1"));
        Assert.That(root.GetProperty("dtype").GetString(), Is.EqualTo("bfloat16"));
        Assert.That(root.GetProperty("element_size").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("read_reference").GetString(), Does.Contain("float32"));
        Assert.That(root.GetProperty("machine").GetProperty("cores").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
        Assert.That(root.GetProperty("settings").GetProperty("shapes").GetString(), Is.EqualTo("large"));
        Assert.That(root.GetProperty("settings").GetProperty("reps").GetInt32(), Is.EqualTo(4));
        Assert.That(root.GetProperty("settings").GetProperty("max_threads").GetInt32(), Is.EqualTo(2));

        var entry = root.GetProperty("results").EnumerateArray().Single();
        Assert.That(entry.GetProperty("name").GetString(), Is.EqualTo("NHWC [256,1024]"));
        Assert.That(entry.GetProperty("data_format").GetString(), Is.EqualTo("NHWC"));
        Assert.That(entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), Is.EqualTo(new long[] { 256, 1024 }));
        Assert.That(entry.GetProperty("bytes").GetInt64(), Is.EqualTo(256 * 1024 * 2));
        var t = entry.GetProperty("tfops");
        Assert.That(t.GetProperty("median_ms").GetDouble(), Is.EqualTo(3));
        Assert.That(t.GetProperty("p25_ms").GetDouble(), Is.EqualTo(2));
        Assert.That(t.GetProperty("p75_ms").GetDouble(), Is.EqualTo(4));
        Assert.That(t.GetProperty("min_ms").GetDouble(), Is.EqualTo(1));
        Assert.That(t.GetProperty("calls_per_measurement").GetInt32(), Is.EqualTo(7));
        Assert.That(t.GetProperty("times_ms").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new double[] { 5, 1, 3 }));
        Assert.That(t.GetProperty("gbps").GetDouble(), Is.EqualTo(524_288 / 3e6).Within(1e-12)); // bytes / (3 ms)
        Assert.That(entry.GetProperty("read_reference").GetProperty("median_ms").GetDouble(), Is.EqualTo(6));
        Assert.That(entry.GetProperty("ratio").GetDouble(), Is.EqualTo(2)); // read 6 ms / TfOps 3 ms
        Assert.That(entry.GetProperty("cores_probe").GetDouble(), Is.EqualTo(1.9));
    }

    [Test]
    public void NoThreadCapIsNull()
    {
        var settings = new BenchSettings(TfDataType.Float, BenchShapeSet.All, Reps: 3, MaxThreads: null);
        var root = WriteAndRead(settings, new BenchResult(s_case, TfDataType.Float, BenchTimes.From([1], 1), BenchTimes.From([1], 1), 2));
        Assert.That(root.GetProperty("settings").GetProperty("max_threads").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("results")[0].GetProperty("bytes").GetInt64(), Is.EqualTo(256 * 1024 * 4));
    }
}
