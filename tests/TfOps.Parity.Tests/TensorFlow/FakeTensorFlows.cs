using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using TfOps.Native.Tests.Native;

namespace TfOps.Parity.Tests.TensorFlow;

/// <summary>
/// The native fake of libtensorflow (tests/TfOps.Native.Tests/Native), built once per test run in
/// its correct form and in each documented wrong form, plus the shipped manifest read as plain JSON
/// (so expectations about which cases a defect hits come from the manifest, not from the code under test).
/// </summary>
internal static class FakeTensorFlows
{
    private static readonly Lazy<(string? Directory, string? SkipReason)> Built = new(() =>
    {
        string dir = Fixtures.TempDir();
        NativeFakeLibrary.TryBuild(dir, "libtensorflow.so", out string? reason);
        if (reason is not null)
        {
            return (null, reason);
        }

        foreach (string define in (string[])["WRONG_FLOAT32_NHWC_ULP", "WRONG_RANK_TEXT", "WRONG_FLOAT64_NCHW_EXTRA", "OMIT_EAGER_EXECUTE"])
        {
            NativeFakeLibrary.TryBuild(dir, $"libtensorflow-{define}.so", out _, define);
        }

        return (dir, null);
    });

    private static readonly Lazy<JsonArray> ShippedCases = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.Shipped, "manifest.json")))!["cases"]!.AsArray());

    /// <summary>Skips the test when no C compiler can build the fake.</summary>
    public static void RequireCompiler()
    {
        if (Built.Value.SkipReason is { } reason)
        {
            Assert.Ignore(reason);
        }
    }

    /// <summary>The correct fake.</summary>
    public static string Complete => Path.Combine(Built.Value.Directory!, "libtensorflow.so");

    /// <summary>A fake built with one -D define (a wrong TensorFlow, or one symbol left out).</summary>
    public static string Variant(string define) => Path.Combine(Built.Value.Directory!, $"libtensorflow-{define}.so");

    /// <summary>A counter of a fake loaded in this process (see NativeFakeLibrary.Count).</summary>
    public static long Count(string library, string kind)
    {
        nint handle = NativeLibrary.Load(library); // the image the reference loaded: same state
        try
        {
            return NativeFakeLibrary.Count(handle, kind);
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }

    /// <summary>Ids of the shipped cases a predicate over their manifest JSON selects.</summary>
    public static HashSet<string> ShippedIds(Func<JsonObject, bool> where) =>
        [.. ShippedCases.Value.Select(c => c!.AsObject()).Where(where).Select(c => (string)c["id"]!)];

    /// <summary>The element count of a case's shape.</summary>
    public static long Elements(JsonObject c) => c["shape"]!.AsArray().Aggregate(1L, (n, d) => n * (long)d!);

    /// <summary>A string field of a case, or null.</summary>
    public static string? Text(JsonObject c, string name) => (string?)c[name];
}
