using Moq;
using TfOps.TensorFlowNet.Planning;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>The installer's contract with a registry, stated as interactions.</summary>
public sealed class GradientInstallerTests
{
    private static readonly Dictionary<string, string> Ours = new() { ["BiasAdd"] = "ours-1", ["BiasAddV1"] = "ours-2" };

    [Test]
    public void Install_LoadsTheRegistryBeforeReadingIt_ThenRegistersEachFunction()
    {
        var registry = new Mock<IGradientRegistry<string>>(MockBehavior.Strict);
        var sequence = new MockSequence();
        string? none = null;
        string? builtIn = "built-in";
        registry.InSequence(sequence).Setup(r => r.EnsureLoaded());
        registry.InSequence(sequence).Setup(r => r.TryGet("BiasAdd", out builtIn)).Returns(true);
        registry.InSequence(sequence).Setup(r => r.Set("BiasAdd", "ours-1"));
        registry.InSequence(sequence).Setup(r => r.TryGet("BiasAddV1", out none)).Returns(false);
        registry.InSequence(sequence).Setup(r => r.Set("BiasAddV1", "ours-2"));

        Assert.That(new GradientInstaller<string>(registry.Object, Ours).Install(), Is.True);
        registry.VerifyAll();
    }

    [Test]
    public void Install_Twice_TouchesTheRegistryOnce()
    {
        var registry = new Mock<IGradientRegistry<string>>();
        var installer = new GradientInstaller<string>(registry.Object, Ours);

        installer.Install();
        Assert.That(installer.Install(), Is.False);

        registry.Verify(r => r.EnsureLoaded(), Times.Once);
        registry.Verify(r => r.Set(It.IsAny<string>(), It.IsAny<string>()), Times.Exactly(2));
    }

    [Test]
    public void Uninstall_PutsBackAPreviousEntry_AndRemovesWhatWasAbsent()
    {
        var registry = new Mock<IGradientRegistry<string>>();
        string? builtIn = "built-in";
        string? none = null;
        registry.Setup(r => r.TryGet("BiasAdd", out builtIn)).Returns(true);
        registry.Setup(r => r.TryGet("BiasAddV1", out none)).Returns(false);
        var installer = new GradientInstaller<string>(registry.Object, Ours);
        installer.Install();

        string? current1 = "ours-1", current2 = "ours-2";
        registry.Setup(r => r.TryGet("BiasAdd", out current1)).Returns(true);
        registry.Setup(r => r.TryGet("BiasAddV1", out current2)).Returns(true);
        Assert.That(installer.Uninstall(), Is.True);

        registry.Verify(r => r.Set("BiasAdd", "built-in"), Times.Once);
        registry.Verify(r => r.Remove("BiasAddV1"), Times.Once);
        Assert.That(installer.IsInstalled, Is.False);
    }

    [Test]
    public void Uninstall_LeavesAnEntrySomeoneElseRegisteredSince()
    {
        var registry = new Mock<IGradientRegistry<string>>();
        var installer = new GradientInstaller<string>(registry.Object, Ours);
        installer.Install();

        string? foreign = "someone else";
        registry.Setup(r => r.TryGet(It.IsAny<string>(), out foreign)).Returns(true);
        installer.Uninstall();

        registry.Verify(r => r.Remove(It.IsAny<string>()), Times.Never);
        registry.Verify(r => r.Set(It.IsAny<string>(), It.Is<string?>(f => f != "ours-1" && f != "ours-2")), Times.Never);
    }

    [Test]
    public void Uninstall_WhenNotInstalled_DoesNotTouchTheRegistry()
    {
        var registry = new Mock<IGradientRegistry<string>>(MockBehavior.Strict);
        Assert.That(new GradientInstaller<string>(registry.Object, Ours).Uninstall(), Is.False);
    }

    [Test]
    public void Install_ThatFailsHalfway_RollsBackAndStaysUninstalled()
    {
        var registry = new Mock<IGradientRegistry<string>>();
        string? builtIn = "built-in";
        string? ours1 = "ours-1";
        registry.Setup(r => r.TryGet("BiasAdd", out builtIn)).Returns(true);
        registry.Setup(r => r.Set("BiasAdd", "ours-1")).Callback(() => registry.Setup(r => r.TryGet("BiasAdd", out ours1)).Returns(true));
        registry.Setup(r => r.Set("BiasAddV1", "ours-2")).Throws(new InvalidOperationException("registry is read-only"));
        var installer = new GradientInstaller<string>(registry.Object, Ours);

        Assert.Throws<InvalidOperationException>(() => installer.Install());

        registry.Verify(r => r.Set("BiasAdd", "built-in"), Times.Once);
        Assert.That(installer.IsInstalled, Is.False);
    }
}
