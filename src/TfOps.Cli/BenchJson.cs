using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TfOps.Cli;

/// <summary>
/// `tfops bench --json FILE`: the run as JSON (format <c>tfops-bench/1</c>): the dtype, the
/// machine, the settings, and per shape both candidates' timings (median, quartiles, minimum,
/// calls per measurement, every measurement) and their ratio. Keys are snake_case like the parity report's.
/// </summary>
internal static class BenchJson
{
    public const string Format = "tfops-bench/1";

    public const string ReferenceDescription =
        "TensorPrimitives.Sum over the same bytes viewed as float32, split evenly across all cores with Parallel.For (the shared perf harness's bwN)";

    public static void Write(string path, IReadOnlyList<BenchResult> results, BenchSettings settings)
    {
        using var stream = File.Create(path);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("tool", $"tfops {VersionReport.ToolVersion()}");
            json.WriteString("dtype", TfDataTypes.PythonName(settings.DataType));
            json.WriteNumber("element_size", TfDataTypes.ElementSize(settings.DataType));
            json.WriteString("read_reference", ReferenceDescription);
            WriteMachine(json);
            WriteSettings(json, settings);
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteResult(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteMachine(Utf8JsonWriter json)
    {
        json.WriteStartObject("machine");
        json.WriteNumber("cores", Environment.ProcessorCount);
        if (CpuName() is string cpu)
        {
            json.WriteString("cpu", cpu);
        }

        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("vector_path", VersionReport.WidestPath());
        json.WriteString("system_numerics_tensors", typeof(TensorPrimitives).Assembly.GetName().Version?.ToString());
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, BenchSettings settings)
    {
        json.WriteStartObject("settings");
        json.WriteString("shapes", settings.Shapes.ToString().ToLowerInvariant());
        json.WriteNumber("reps", settings.Reps);
        json.WriteNumber("batch_ms", BenchSettings.BatchMs);
        json.WriteNumber("pause_ms", BenchSettings.PauseMs);
        if (settings.MaxThreads is int threads)
        {
            json.WriteNumber("max_threads", threads);
        }
        else
        {
            json.WriteNull("max_threads");
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, BenchResult result)
    {
        json.WriteStartObject();
        json.WriteString("name", result.Case.Name);
        json.WriteString("data_format", result.Case.Format.ToString());
        json.WriteStartArray("shape");
        foreach (long dim in result.Case.Shape)
        {
            json.WriteNumberValue(dim);
        }

        json.WriteEndArray();
        json.WriteNumber("elements", result.Case.Elements);
        json.WriteNumber("bytes", result.Bytes);
        WriteTimes(json, "tfops", result.TfOps, result.Bytes);
        WriteTimes(json, "read_reference", result.Reference, result.Bytes);
        json.WriteNumber("ratio", result.Ratio);
        json.WriteNumber("cores_probe", result.ParallelProbe);
        json.WriteEndObject();
    }

    private static void WriteTimes(Utf8JsonWriter json, string name, BenchTimes times, long bytes)
    {
        json.WriteStartObject(name);
        json.WriteNumber("median_ms", times.MedianMs);
        json.WriteNumber("p25_ms", times.P25Ms);
        json.WriteNumber("p75_ms", times.P75Ms);
        json.WriteNumber("min_ms", times.MinMs);
        json.WriteNumber("gbps", times.GBps(bytes));
        json.WriteNumber("calls_per_measurement", times.CallsPerMeasurement);
        json.WriteStartArray("times_ms");
        foreach (double ms in times.TimesMs)
        {
            json.WriteNumberValue(ms);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string? CpuName()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
