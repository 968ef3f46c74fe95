using Tensorflow;
using TfOps.TensorFlowNet.Tests.FakeRuntime;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>
/// Tests that touch TensorFlow.NET's process-wide state start from what a fresh process has: nothing
/// installed, <c>ops.gradientFunctions</c> not yet loaded, and a fresh fake runtime (eager mode, no
/// tapes, no graph).
/// </summary>
[NonParallelizable]
public abstract class RegistryFixture
{
    /// <summary>The runtime installed for the current test.</summary>
    internal static FakeTensorFlow Runtime => FakeTensorFlow.Current;

    [SetUp]
    public void ResetRegistry() => Reset();

    [TearDown]
    public void RestoreRegistry() => Reset();

    private static void Reset()
    {
        FakeTensorFlow.Install();
        TfOpsGradients.Uninstall();
        ops.gradientFunctions = null!;
    }
}
