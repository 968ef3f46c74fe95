using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Install and Uninstall against the stand-in's copy of TensorFlow.NET's registry semantics.</summary>
public sealed class RegistryTests : RegistryFixture
{
    private static readonly string[] OurNames = ["BiasAdd", "BiasAddV1", "BiasAddGrad"];

    [Test]
    public void TheRegistryIsNullUntilLoaded_AsInTensorFlowNet()
    {
        Assert.That(ops.gradientFunctions, Is.Null);
        ops.RegisterFromAssembly();
        AssertIsTensorFlowNetsBuiltIn(ops.gradientFunctions!["BiasAdd"]);
    }

    [Test]
    public void Install_ReplacesTheBuiltInBiasAddGradient_AndAddsTheOtherTwo()
    {
        ops.RegisterFromAssembly();
        var builtIn = ops.gradientFunctions!["BiasAdd"];

        TfOpsGradients.Install();

        Assert.Multiple(() =>
        {
            Assert.That(TfOpsGradients.IsInstalled, Is.True);
            Assert.That(ops.gradientFunctions["BiasAdd"], Is.Not.SameAs(builtIn));
            foreach (var name in OurNames)
            {
                Assert.That(ops.gradientFunctions[name], Is.SameAs(BiasGradients.Functions[name]), name);
            }
        });
    }

    [Test]
    public void Install_OnAFreshProcess_LoadsTheBuiltInsFirst_SoUninstallGivesTheBuiltInBack()
    {
        TfOpsGradients.Install();
        TfOpsGradients.Uninstall();

        Assert.Multiple(() =>
        {
            AssertIsTensorFlowNetsBuiltIn(ops.gradientFunctions!["BiasAdd"]);
            Assert.That(ops.gradientFunctions.ContainsKey("Identity"), Is.True);
        });
    }

    [Test]
    public void Uninstall_RestoresExactlyWhatWasThere_IncludingNoEntry()
    {
        ops.RegisterFromAssembly();
        var before = new Dictionary<string, Func<Operation, Tensor[], Tensor[]>>(ops.gradientFunctions!);

        TfOpsGradients.Install();
        TfOpsGradients.Uninstall();

        Assert.Multiple(() =>
        {
            Assert.That(TfOpsGradients.IsInstalled, Is.False);
            Assert.That(ops.gradientFunctions.Keys, Is.EquivalentTo(before.Keys));
            Assert.That(ops.gradientFunctions.ContainsKey("BiasAddV1"), Is.False);
            Assert.That(ops.gradientFunctions.ContainsKey("BiasAddGrad"), Is.False);
            foreach (var (name, function) in before)
            {
                Assert.That(ops.gradientFunctions[name], Is.SameAs(function), name);
            }
        });
    }

    [Test]
    public void Uninstall_RestoresAUserRegisteredFunctionAndANoGradientEntry()
    {
        Func<Operation, Tensor[], Tensor[]> users = (_, grads) => grads;
        ops.RegisterGradientFunction("BiasAddV1", users);
        ops.RegisterNoGradientFunction("BiasAddGrad");

        TfOpsGradients.Install();
        TfOpsGradients.Uninstall();

        Assert.Multiple(() =>
        {
            Assert.That(ops.gradientFunctions!["BiasAddV1"], Is.SameAs(users));
            Assert.That(ops.gradientFunctions.ContainsKey("BiasAddGrad"), Is.True);
            Assert.That(ops.gradientFunctions["BiasAddGrad"], Is.Null);
        });
    }

    [Test]
    public void Install_IsIdempotent_OneUninstallUndoesTwoInstalls()
    {
        ops.RegisterFromAssembly();
        var builtIn = ops.gradientFunctions!["BiasAdd"];

        TfOpsGradients.Install();
        TfOpsGradients.Install();
        TfOpsGradients.Uninstall();

        Assert.Multiple(() =>
        {
            Assert.That(ops.gradientFunctions["BiasAdd"], Is.SameAs(builtIn), "the second Install must not save our own function as 'previous'");
            Assert.That(TfOpsGradients.IsInstalled, Is.False);
        });
    }

    [Test]
    public void Install_AgainWithOtherOptions_OnlyUpdatesTheOptions()
    {
        TfOpsGradients.Install();
        var options = new TfOpsGradientOptions { Mode = TfOpsGradientMode.TensorFlowKernel };
        TfOpsGradients.Install(options);

        Assert.Multiple(() =>
        {
            Assert.That(TfOpsGradients.Options, Is.SameAs(options));
            Assert.That(ops.gradientFunctions!["BiasAdd"], Is.SameAs(BiasGradients.Functions["BiasAdd"]));
        });
    }

    [Test]
    public void Uninstall_LeavesAFunctionRegisteredOverOursAfterInstall()
    {
        TfOpsGradients.Install();
        Func<Operation, Tensor[], Tensor[]> later = (_, grads) => grads;
        ops.RegisterGradientFunction("BiasAdd", later);

        TfOpsGradients.Uninstall();

        Assert.That(ops.gradientFunctions!["BiasAdd"], Is.SameAs(later));
    }

    [Test]
    public void Uninstall_WithoutInstall_ChangesNothing()
    {
        TfOpsGradients.Uninstall();
        Assert.That(ops.gradientFunctions, Is.Null);
    }

    [Test]
    public void Install_FollowNativePluginWithoutACallback_IsRejectedBeforeTouchingTheRegistry()
    {
        Assert.Throws<ArgumentException>(() => TfOpsGradients.Install(new TfOpsGradientOptions { Mode = TfOpsGradientMode.FollowNativePlugin }));
        Assert.Multiple(() =>
        {
            Assert.That(TfOpsGradients.IsInstalled, Is.False);
            Assert.That(ops.gradientFunctions, Is.Null);
        });
    }

    /// <summary>TensorFlow.NET's BiasAdd gradient hands the work to TensorFlow's BiasAddGrad op; ours does not.</summary>
    private static void AssertIsTensorFlowNetsBuiltIn(Func<Operation, Tensor[], Tensor[]> function)
    {
        var grad = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        using var executed = Runtime.CaptureExecutedOps();

        var result = function(Tensors.BiasAddOp(grad, "NHWC"), [grad]);

        Assert.That(executed.Types, Is.EqualTo(new[] { "BiasAddGrad" }));
        Assert.That(result[1].BufferToArray(), Is.EqualTo(Naive.BiasGrad(TfDataType.Float, grad.BufferToArray(), [2, 3], DataFormat.NHWC)));
    }
}
