using System.Runtime.InteropServices;
using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>
/// Builds the native fake of libtensorflow once per fixture (its own file, so its own process-wide
/// state) and checks after every test that nothing the reference or the plugin obtained from it was
/// left alive or released twice.
/// </summary>
[NonParallelizable]
internal abstract class ReferenceTestBase
{
    private string _directory = null!;
    private string? _skipReason;

    /// <summary>The fake's path.</summary>
    protected string Library { get; private set; } = null!;

    /// <summary>The fake, opened for its fake_* queries (the same loaded image the reference binds).</summary>
    protected nint Fake { get; private set; }

    [OneTimeSetUp]
    public void BuildFake()
    {
        _directory = Directory.CreateTempSubdirectory("tfops-reference-").FullName;
        Library = NativeFakeLibrary.TryBuild(_directory, "libtensorflow-fake.so", out _skipReason)!;
        if (_skipReason is null)
        {
            Fake = NativeLibrary.Load(Library);
        }
    }

    [OneTimeTearDown]
    public void RemoveFake()
    {
        // The library stays mapped (TensorFlow is never unloaded); deleting the file is fine on Unix.
        Directory.Delete(_directory, recursive: true);
    }

    [SetUp]
    public void Start()
    {
        if (_skipReason is not null)
        {
            Assert.Ignore(_skipReason);
        }

        TensorFlowKernelPlugin.ResetForTests();
        NativeFakeLibrary.ClearRegistrations(Fake);
    }

    [TearDown]
    public void CheckNothingLeaked()
    {
        try
        {
            if (_skipReason is null)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(NativeFakeLibrary.Count(Fake, "misuse"), Is.Zero, () => "misuse: " + NativeFakeLibrary.LastMisuse(Fake));
                    Assert.That(NativeFakeLibrary.LiveCounts(Fake).Where(c => c.Key != "builders" && c.Value != 0), Is.Empty,
                        "TensorFlow objects left alive after the test");
                });
            }
        }
        finally
        {
            TensorFlowKernelPlugin.ResetForTests();
            if (_skipReason is null)
            {
                NativeFakeLibrary.ClearRegistrations(Fake);
            }
        }
    }

    /// <summary>Opens the reference on the fake, by explicit path.</summary>
    protected TensorFlowReference Open() => TensorFlowReference.Open(Library);
}
