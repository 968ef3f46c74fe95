using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Install and Uninstall racing each other on real threads.</summary>
public sealed class ConcurrencyTests : RegistryFixture
{
    private const int Threads = 16;

    [Test]
    public void ConcurrentInstalls_SaveTheBuiltInOnce_SoUninstallRestoresIt()
    {
        ops.RegisterFromAssembly();
        var builtIn = ops.gradientFunctions!["BiasAdd"];

        RunTogether(_ => TfOpsGradients.Install());
        Assert.That(ops.gradientFunctions["BiasAdd"], Is.SameAs(BiasGradients.Functions["BiasAdd"]));

        TfOpsGradients.Uninstall();
        Assert.Multiple(() =>
        {
            Assert.That(ops.gradientFunctions["BiasAdd"], Is.SameAs(builtIn));
            Assert.That(ops.gradientFunctions.ContainsKey("BiasAddV1"), Is.False);
        });
    }

    [Test]
    public void InterleavedInstallsAndUninstalls_EndInAConsistentState()
    {
        ops.RegisterFromAssembly();
        var before = new Dictionary<string, Func<Operation, Tensor[], Tensor[]>>(ops.gradientFunctions!);

        RunTogether(thread =>
        {
            for (int i = 0; i < 200; i++)
            {
                if ((i + thread) % 2 == 0)
                {
                    TfOpsGradients.Install();
                }
                else
                {
                    TfOpsGradients.Uninstall();
                }
            }
        });

        bool installed = TfOpsGradients.IsInstalled;
        Assert.That(ops.gradientFunctions["BiasAdd"], installed ? Is.SameAs(BiasGradients.Functions["BiasAdd"]) : Is.SameAs(before["BiasAdd"]));
        TfOpsGradients.Uninstall();
        Assert.That(ops.gradientFunctions, Is.EquivalentTo(before));
    }

    private static void RunTogether(Action<int> body)
    {
        using var barrier = new Barrier(Threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                body(t);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(failures, Is.Empty);
    }
}
