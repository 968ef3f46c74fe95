using System.Runtime.InteropServices;
using TfOps.Native.Interop;

namespace TfOps.Native.Tests;

/// <summary>Where the C functions come from, and the NotFound errors when they are not there.</summary>
internal sealed class LibraryResolutionTests
{
    [Test]
    public void Candidates_are_tried_in_the_documented_order()
    {
        IReadOnlyList<LibraryCandidate> candidates = LibraryCandidate.For("/opt/tf/libtensorflow.so", "/env/libtf.so");

        Assert.That(candidates.Select(c => c.Name), Is.EqualTo(new[]
        {
            "/opt/tf/libtensorflow.so", "/env/libtf.so", "tensorflow", "libtensorflow_framework.so.2",
        }));
        Assert.That(candidates.Select(c => c.ProbeLikeDllImport), Is.EqualTo(new[] { false, false, true, false }));
        Assert.That(LibraryCandidate.For(null, " ").Select(c => c.Name), Is.EqualTo(new[] { "tensorflow", "libtensorflow_framework.so.2" }));
    }

    [Test]
    public void The_required_symbols_are_exactly_the_ones_the_plugin_cannot_work_without()
    {
        Assert.That(KernelApi.RequiredSymbols, Is.EquivalentTo(new[]
        {
            "TF_NewKernelBuilder", "TF_DeleteKernelBuilder", "TF_KernelBuilder_TypeConstraint", "TF_KernelBuilder_Priority",
            "TF_RegisterKernelBuilder", "TF_GetInput", "TF_AllocateOutput", "TF_OpKernelContext_Failure",
            "TF_OpKernelConstruction_Failure", "TF_OpKernelConstruction_GetAttrSize", "TF_OpKernelConstruction_GetAttrString",
            "TF_TensorData", "TF_NumDims", "TF_Dim", "TF_TensorType", "TF_TensorElementCount", "TF_TensorByteSize", "TF_DeleteTensor",
            "TF_NewStatus", "TF_DeleteStatus", "TF_SetStatus", "TF_GetCode", "TF_Message",
        }));
    }

    [Test]
    public void A_missing_library_is_NotFound_naming_every_candidate_and_the_required_symbols()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"tfops-no-such-{Guid.NewGuid():N}.so");

        var error = Assert.Throws<TfOpsException>(() => KernelApiResolver.Resolve(LibraryCandidate.For(missing, "/no/such/env/libtf.so")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Contain($"'{missing}' (LibraryPath option): could not be loaded"));
            Assert.That(error.Message, Does.Contain("'/no/such/env/libtf.so' (TFOPS_TENSORFLOW_LIBRARY)"));
            Assert.That(error.Message, Does.Contain("'tensorflow'"));
            Assert.That(error.Message, Does.Contain("'libtensorflow_framework.so.2'"));
            Assert.That(error.Message, Does.Contain(string.Join(", ", KernelApi.RequiredSymbols)));
        });
    }

    [Test]
    public void A_library_without_the_kernel_API_is_NotFound_listing_what_it_lacks()
    {
        // libc loads everywhere on Linux and exports none of TensorFlow's functions.
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("needs a loadable non-TensorFlow library; libc.so.6 is the Linux one");
        }

        var error = Assert.Throws<TfOpsException>(() =>
            KernelApiResolver.Resolve([new LibraryCandidate("libc.so.6", "test", ProbeLikeDllImport: false)]));

        Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
        Assert.That(error.Message, Does.Contain("'libc.so.6' (test): loaded, but does not export TF_NewKernelBuilder, TF_DeleteKernelBuilder"));
    }

    [Test]
    public void The_public_entry_point_reports_a_missing_library_as_NotFound()
    {
        if (NativeLibrary.TryLoad("tensorflow", typeof(TensorFlowKernelPlugin).Assembly, null, out nint handle))
        {
            NativeLibrary.Free(handle);
            Assert.Ignore("a real TensorFlow is installed here, so the default candidates would succeed");
        }

        TensorFlowKernelPlugin.ResetForTests();
        try
        {
            var error = Assert.Throws<TfOpsException>(() => TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = "/no/such/libtensorflow.so" }));

            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Contain("'/no/such/libtensorflow.so' (LibraryPath option)"));
        }
        finally
        {
            TensorFlowKernelPlugin.ResetForTests();
        }
    }
}

/// <summary>A fake that lacks required or optional functions.</summary>
internal sealed class MissingRequiredSymbolTests : PluginTestBase
{
    protected override string[] OmittedSymbols => ["TF_AllocateOutput", "TF_OpKernelConstruction_GetAttrSize"];

    [Test]
    public void A_missing_required_symbol_is_NotFound_at_registration_naming_it()
    {
        var error = Assert.Throws<TfOpsException>(() => Register());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Contain($"'{Fake.Name}': does not export TF_AllocateOutput, TF_OpKernelConstruction_GetAttrSize"));
            Assert.That(Fake.BuildersCreated, Is.Zero, "nothing is registered with an incomplete table");
        });
    }
}

/// <summary>An older TensorFlow: no label, no dtype queries, no host-memory pins.</summary>
internal sealed class MissingOptionalSymbolTests : PluginTestBase
{
    protected override string[] OmittedSymbols =>
        ["TF_KernelBuilder_Label", "TF_InputDatatype", "TF_ExpectedOutputDataType", "TF_KernelBuilder_HostMemory"];

    [Test]
    public void Without_the_optional_symbols_registration_and_compute_still_work()
    {
        Register();
        long[] shape = [3, 4];
        byte[] input = TestTensors.Random(TfDataType.Double, shape, seed: 3);

        var result = Fake.Run(TfDataType.Double, shape, input, "NCHW");

        Assert.That(result.Output, Is.EqualTo(TestTensors.Direct(TfDataType.Double, shape, DataFormat.NCHW, input)));
    }

    [Test]
    public void A_label_without_TF_KernelBuilder_Label_is_Unimplemented_and_registers_nothing()
    {
        var error = Assert.Throws<TfOpsException>(() => Register(new TensorFlowKernelOptions { Label = "tfops" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.Unimplemented));
            Assert.That(error.Message, Does.Contain("TF_KernelBuilder_Label"));
            Assert.That(Fake.BuildersCreated, Is.Zero);
        });
        Assert.That(Register().Label, Is.Null, "nothing reached TensorFlow, so a different request may follow");
    }
}
