using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Native;

/// <summary>
/// The public path end to end: TFOPS_TENSORFLOW_LIBRARY or LibraryPath names a real shared library
/// exporting the C kernel API (a small C stand-in compiled here), the plugin loads it, registers
/// through it, and TensorFlow-style native calls into the callbacks compute through it.
/// </summary>
[NonParallelizable]
internal sealed class NativeLibraryTests
{
    private string _directory = null!;
    private string? _complete, _withoutAllocateOutput, _skipReason;

    [OneTimeSetUp]
    public void BuildLibraries()
    {
        _directory = Directory.CreateTempSubdirectory("tfops-native-").FullName;
        _complete = NativeFakeLibrary.TryBuild(_directory, "libfaketf.so", out _skipReason);
        _withoutAllocateOutput = NativeFakeLibrary.TryBuild(_directory, "libfaketf-noalloc.so", out _, "OMIT_ALLOCATE_OUTPUT");
    }

    [OneTimeTearDown]
    public void RemoveLibraries()
    {
        TensorFlowKernelPlugin.ResetForTests();
        // Loaded libraries stay mapped (the plugin never unloads one); deleting the files is still fine on Unix.
        Directory.Delete(_directory, recursive: true);
    }

    [SetUp]
    public void Reset()
    {
        if (_skipReason is not null)
        {
            Assert.Ignore(_skipReason);
        }

        TensorFlowKernelPlugin.ResetForTests();
    }

    [TearDown]
    public void ResetAgain() => TensorFlowKernelPlugin.ResetForTests();

    [Test]
    public void TFOPS_TENSORFLOW_LIBRARY_loads_registers_and_computes_through_native_calls()
    {
        string? previous = Environment.GetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY");
        Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", _complete);
        TensorFlowKernelRegistration registration;
        try
        {
            registration = TensorFlowKernelPlugin.Register();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", previous);
        }

        nint library = NativeLibrary.Load(_complete!);
        try
        {
            var (registrations, allOnCpu) = NativeFakeLibrary.Registrations(library);
            Assert.Multiple(() =>
            {
                Assert.That(registration.LibraryPath, Is.EqualTo(_complete));
                Assert.That(allOnCpu, Is.True, "every registration is BiasAddGrad on CPU");
                Assert.That(registrations, Is.EqualTo(TfDataTypes.BiasAddGradTypes.Select(t => (t, 1))));
            });

            foreach (TfDataType dtype in TfDataTypes.BiasAddGradTypes)
            {
                foreach (DataFormat format in new[] { DataFormat.NHWC, DataFormat.NCHW })
                {
                    long[] shape = [3, 4, 5];
                    byte[] input = TestTensors.Random(dtype, shape, seed: (int)dtype);

                    var (code, message, output) = NativeFakeLibrary.Run(library, dtype, format.ToAttrString(), shape, input);

                    Assert.That(code, Is.EqualTo(TfCode.Ok), $"{dtype} {format}: {message}");
                    Assert.That(output, Is.EqualTo(TestTensors.Direct(dtype, shape, format, input)), $"{dtype} {format}");
                }
            }

            var rank1 = NativeFakeLibrary.Run(library, TfDataType.Float, "NHWC", [5], new byte[20]);
            var badFormat = NativeFakeLibrary.Run(library, TfDataType.Float, "NCDHW", [2, 2], new byte[16]);
            Assert.Multiple(() =>
            {
                Assert.That((rank1.Code, rank1.Message), Is.EqualTo((TfCode.InvalidArgument, "Input tensor must be at least 2D: [5]")));
                Assert.That((badFormat.Code, badFormat.Message), Is.EqualTo((TfCode.InvalidArgument, "Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\"")));
                Assert.That(NativeFakeLibrary.LiveObjects(library), Is.Zero, "every status and tensor wrapper went back");
            });
        }
        finally
        {
            NativeLibrary.Free(library); // drops this test's reference only; the plugin keeps its own
        }
    }

    [Test]
    public void An_explicit_LibraryPath_missing_a_required_symbol_is_NotFound_naming_path_and_symbol()
    {
        var error = Assert.Throws<TfOpsException>(() =>
            TensorFlowKernelPlugin.Register(new TensorFlowKernelOptions { LibraryPath = _withoutAllocateOutput }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Contain($"'{_withoutAllocateOutput}' (LibraryPath option): loaded, but does not export TF_AllocateOutput"));
            Assert.That(error.Message, Does.Contain("'tensorflow'").And.Contain("'libtensorflow_framework.so.2'"));
        });
    }
}
