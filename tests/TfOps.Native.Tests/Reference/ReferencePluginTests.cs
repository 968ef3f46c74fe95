using System.Buffers.Binary;
using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>
/// The reference next to TfOps's plugin in one TensorFlow: a plugin registered without a label hides
/// TensorFlow's kernel, so the reference refuses; one registered with a label is reached only
/// through the <c>_kernel</c> attr, inside TensorFlow's executor. (The process-wide registration is
/// undone through the test seams; the tfops CLI tests run the real once-per-process path in a child.)
/// </summary>
internal sealed class ReferencePluginTests : ReferenceTestBase
{
    [Test]
    public void Refuses_when_the_plugin_is_registered_without_a_label()
    {
        using TensorFlowReference reference = Open();
        TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = Library });

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, [2, 2], "NHWC", new byte[16]));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.FailedPrecondition));
            Assert.That(error.Message, Does.Contain("without a label"));
            Assert.That(NativeFakeLibrary.Count(Fake, "ops"), Is.Zero, "nothing reached TensorFlow");
        });
    }

    [Test]
    public void A_labeled_plugin_runs_only_through_the_kernel_attr_inside_TensorFlows_executor()
    {
        using TensorFlowReference reference = Open();
        TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = reference.LibraryPath, Label = "tfops" });
        var (input, expected) = WholeNumbers.Make(TfDataType.QInt8, [4, 3], DataFormat.NHWC, 5);
        long computesBefore = NativeFakeLibrary.Count(Fake, "plugin_computes");
        long managedBefore = TensorFlowKernelPlugin.ComputeCount;

        TensorFlowTensor viaPlugin = reference.BiasAddGradWithKernelLabel("tfops", TfDataType.QInt8, [4, 3], "NHWC", input);
        var builtIn = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.QInt8, [4, 3], "NHWC", input));
        var otherLabel = Assert.Throws<TfOpsException>(() => reference.BiasAddGradWithKernelLabel("other", TfDataType.Float, [1, 1], "NHWC", new byte[4]));

        Assert.Multiple(() =>
        {
            Assert.That(viaPlugin.Data.ToArray(), Is.EqualTo(expected), "the plugin's wrap-around sum of the stored integers");
            Assert.That(NativeFakeLibrary.Count(Fake, "plugin_computes") - computesBefore, Is.EqualTo(1), "the executor called the plugin once");
            Assert.That(TensorFlowKernelPlugin.ComputeCount - managedBefore, Is.EqualTo(1), "the managed kernel ran");
            Assert.That(builtIn!.Code, Is.EqualTo(TfCode.NotFound), "without the attr, TensorFlow's own kernels only");
            Assert.That(otherLabel!.Code, Is.EqualTo(TfCode.NotFound));
        });
    }

    [Test]
    public void The_plugin_inside_TensorFlow_reports_TensorFlows_errors_like_the_builtin_kernel()
    {
        using TensorFlowReference reference = Open();
        TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = Library, Label = "tfops" });

        var builtIn = Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, [5], "NHWC", new byte[20]));
        var plugin = Assert.Throws<TfOpsException>(() => reference.BiasAddGradWithKernelLabel("tfops", TfDataType.Float, [5], "NHWC", new byte[20]));

        Assert.That((plugin!.Code, plugin.Message), Is.EqualTo((builtIn!.Code, builtIn.Message)));
    }

    [Test]
    public void Two_registrations_with_one_label_at_one_priority_are_TensorFlows_tie_error()
    {
        using TensorFlowReference reference = Open();
        TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = Library, Label = "tfops", DataTypes = [TfDataType.Float] });
        TensorFlowKernelPlugin.ResetForTests(); // only the fake can forget; the registration itself stays in it
        TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = Library, Label = "tfops", DataTypes = [TfDataType.Float] });
        byte[] one = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(one, 1f);

        var error = Assert.Throws<TfOpsException>(() => reference.BiasAddGradWithKernelLabel("tfops", TfDataType.Float, [1, 1], "NHWC", one));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.InvalidArgument));
            Assert.That(error.Message, Does.StartWith("Multiple OpKernel registrations match NodeDef at the same priority '{{node BiasAddGrad}}'"));
        });
    }
}
