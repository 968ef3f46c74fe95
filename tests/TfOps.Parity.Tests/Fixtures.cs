namespace TfOps.Parity.Tests;

/// <summary>Where the committed fixtures are (copied next to the test assembly), and scratch fixture folders.</summary>
internal static class Fixtures
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "compat-fixtures");

    public static string Case(string id, string file) => Path.Combine(Shipped, "cases", id, file);

    /// <summary>A fresh empty folder under the temp dir, removed at the end of the test run by the OS's temp cleanup.</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "tfops-parity-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
