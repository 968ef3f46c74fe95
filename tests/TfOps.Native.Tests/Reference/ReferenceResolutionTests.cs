using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>Where the eager C API is looked for, and the one-line NotFound when it is not there.</summary>
[NonParallelizable]
internal sealed class ReferenceResolutionTests
{
    private string _directory = null!;
    private string? _complete, _withoutExecute, _skipReason;

    [OneTimeSetUp]
    public void BuildLibraries()
    {
        _directory = Directory.CreateTempSubdirectory("tfops-reference-resolution-").FullName;
        _complete = NativeFakeLibrary.TryBuild(_directory, "libtensorflow-complete.so", out _skipReason);
        _withoutExecute = NativeFakeLibrary.TryBuild(_directory, "libtensorflow-noexecute.so", out _, "OMIT_EAGER_EXECUTE");
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_directory, recursive: true);

    [SetUp]
    public void SkipWithoutCompiler()
    {
        if (_skipReason is not null)
        {
            Assert.Ignore(_skipReason);
        }
    }

    [Test]
    public void A_missing_library_is_one_NotFound_line_naming_every_candidate_and_symbol()
    {
        string missing = Path.Combine(_directory, "no-such-libtensorflow.so");

        var error = Assert.Throws<TfOpsException>(() => TensorFlowReference.Open(missing));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Not.Contain("\n"));
            Assert.That(error.Message, Does.Contain($"'{missing}' (explicit path) could not be loaded"));
            Assert.That(error.Message, Does.Contain("'tensorflow' (TensorFlow.NET's library name) could not be loaded"));
            Assert.That(error.Message, Does.Contain("TFE_NewContext").And.Contain("TFE_Execute").And.Contain("TF_AllocateTensor").And.Contain("TF_Version"));
        });
    }

    [Test]
    public void A_library_missing_one_symbol_is_rejected_naming_that_symbol()
    {
        var error = Assert.Throws<TfOpsException>(() => TensorFlowReference.Open(_withoutExecute));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.NotFound));
            Assert.That(error.Message, Does.Not.Contain("\n"));
            Assert.That(error.Message, Does.Contain($"'{_withoutExecute}' (explicit path) loaded, but does not export TFE_Execute;"));
        });
    }

    [Test]
    public void The_environment_variable_is_used_when_no_path_is_given_and_an_explicit_path_wins()
    {
        string? previous = Environment.GetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY");
        try
        {
            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", _complete);
            using (TensorFlowReference fromEnvironment = TensorFlowReference.Open())
            {
                Assert.That(fromEnvironment.LibraryPath, Is.EqualTo(_complete));
            }

            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", _withoutExecute);
            using (TensorFlowReference explicitFirst = TensorFlowReference.Open(_complete))
            {
                Assert.That(explicitFirst.LibraryPath, Is.EqualTo(_complete));
            }

            var error = Assert.Throws<TfOpsException>(() => TensorFlowReference.Open());
            Assert.That(error!.Message, Does.Contain("(TFOPS_TENSORFLOW_LIBRARY) loaded, but does not export TFE_Execute"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFOPS_TENSORFLOW_LIBRARY", previous);
        }
    }
}
