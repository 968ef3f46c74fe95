using Tensorflow;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>
/// Tests that touch TensorFlow.NET's process-wide registry start from the state a fresh process has:
/// nothing installed and <c>ops.gradientFunctions</c> not yet loaded.
/// </summary>
[NonParallelizable]
public abstract class RegistryFixture
{
    [SetUp]
    public void ResetRegistry() => Reset();

    [TearDown]
    public void RestoreRegistry() => Reset();

    private static void Reset()
    {
        TfOpsGradients.Uninstall();
        ops.gradientFunctions = null!;
    }
}
