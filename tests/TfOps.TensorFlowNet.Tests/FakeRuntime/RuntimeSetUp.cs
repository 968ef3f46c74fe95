namespace TfOps.TensorFlowNet.Tests;

/// <summary>Installs a fake runtime for the whole assembly; <see cref="Support.RegistryFixture"/> replaces it per test.</summary>
[SetUpFixture]
public sealed class RuntimeSetUp
{
    [OneTimeSetUp]
    public void InstallRuntime() => FakeRuntime.FakeTensorFlow.Install();
}
