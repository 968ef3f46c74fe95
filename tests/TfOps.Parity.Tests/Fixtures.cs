namespace TfOps.Parity.Tests;

/// <summary>Where the committed fixtures are (copied next to the test assembly), and scratch fixture folders.</summary>
internal static class Fixtures
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "compat-fixtures");

    /// <summary>
    /// The set GoldenTests grades: <c>TFOPS_GOLDEN_DIR</c> when set (for example a folder written by
    /// <c>tfops export --tensorflow</c>), else the shipped fixtures.
    /// </summary>
    public static string Golden => Environment.GetEnvironmentVariable("TFOPS_GOLDEN_DIR") is { Length: > 0 } dir ? dir : Shipped;

    public static string Case(string id, string file) => Path.Combine(Shipped, "cases", id, file);

    /// <summary>A fresh empty folder under the temp dir, removed at the end of the test run by the OS's temp cleanup.</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tfops-parity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
