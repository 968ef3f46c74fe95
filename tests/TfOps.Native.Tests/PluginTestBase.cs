using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

/// <summary>
/// Every test starts with a fresh fake TensorFlow and a plugin that has registered nothing (the
/// registration is process-wide, so it is reset through the test seam), and ends by checking that
/// the plugin released every tensor wrapper, status, builder and kernel state it obtained.
/// </summary>
[NonParallelizable]
internal abstract class PluginTestBase
{
    protected FakeTensorFlow Fake { get; private set; } = null!;

    private long _liveStatesBefore;

    [SetUp]
    public void StartFake()
    {
        TensorFlowKernelPlugin.ResetForTests();
        Fake = FakeTensorFlow.Start(OmittedSymbols);
        _liveStatesBefore = Kernel.KernelState.Live;
    }

    [TearDown]
    public void CheckOwnershipAndStop()
    {
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(Fake.Errors, Is.Empty, "the fake saw bad calls");
                Assert.That(Fake.Heap.BadFrees, Is.Zero, "double or stray frees");
                Assert.That(Fake.TensorsDeleted, Is.EqualTo(Fake.TensorsCreated), "TF_Tensor wrappers leaked");
                Assert.That(Fake.StatusesDeleted, Is.EqualTo(Fake.StatusesCreated), "TF_Status objects leaked");
                Assert.That(Fake.Heap.Count<FakeBuilder>(), Is.Zero, "kernel builders neither registered nor deleted");
                Assert.That(Kernel.KernelState.Live, Is.EqualTo(_liveStatesBefore), "kernel states not freed by delete");
            });
        }
        finally
        {
            Fake.Dispose();
            TensorFlowKernelPlugin.ResetForTests();
        }
    }

    /// <summary>Symbols the fake should not export (for missing-symbol tests).</summary>
    protected virtual string[] OmittedSymbols => [];

    protected TensorFlowKernelRegistration Register(TensorFlowKernelOptions? options = null) =>
        TensorFlowKernelPlugin.RegisterWith(options, Fake);
}
