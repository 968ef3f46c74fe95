using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>
/// What the reference creates in TensorFlow, and that it releases all of it: the fake counts live
/// contexts, ops, tensor handles, tensors, buffers and statuses, and records any double delete,
/// use after delete, or context deleted before its ops (ReferenceTestBase checks both after each test).
/// </summary>
internal sealed class ReferenceOwnershipTests : ReferenceTestBase
{
    [Test]
    public void Reports_the_library_and_TF_Version()
    {
        using TensorFlowReference reference = Open();

        Assert.That((reference.LibraryPath, reference.Version), Is.EqualTo((Library, "2.16.1-tfops-fake")));
    }

    [Test]
    public void A_context_lives_exactly_as_long_as_the_instance()
    {
        TensorFlowReference reference = Open();
        Assert.Multiple(() =>
        {
            Assert.That(NativeFakeLibrary.Count(Fake, "contexts"), Is.EqualTo(1));
            Assert.That(NativeFakeLibrary.Count(Fake, "context_options"), Is.Zero, "the options are deleted once the context exists");
            Assert.That(NativeFakeLibrary.Count(Fake, "statuses"), Is.Zero);
        });

        reference.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(NativeFakeLibrary.Count(Fake, "contexts"), Is.Zero);
            Assert.Throws<ObjectDisposedException>(() => reference.BiasAddGrad(TfDataType.Float, [1, 1], "NHWC", new byte[4]));
        });
        reference.Dispose(); // a second Dispose is harmless
    }

    [Test]
    public void Every_call_releases_what_it_created_whether_it_succeeds_or_fails()
    {
        using TensorFlowReference reference = Open();
        for (int i = 0; i < 20; i++)
        {
            reference.BiasAddGrad(TfDataType.Float, [4, 3], "NCHW", new byte[48]);
            Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.QInt8, [4, 3], "NHWC", new byte[12]));
            Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Float, [5], "NHWC", new byte[20]));
            Assert.Throws<TfOpsException>(() => reference.BiasAddGrad(TfDataType.Bool, [2, 2], "NHWC", new byte[4]));

            var live = NativeFakeLibrary.LiveCounts(Fake);
            Assert.That(live.Where(c => c.Key is not ("contexts" or "builders") && c.Value != 0), Is.Empty, $"after round {i}");
        }
    }

    [Test]
    public void Ops_run_on_the_CPU_device_in_a_one_thread_context()
    {
        using TensorFlowReference reference = Open();

        reference.BiasAddGrad(TfDataType.Float, [2, 2], "NHWC", new byte[16]);

        Assert.Multiple(() =>
        {
            Assert.That(NativeFakeLibrary.LastDevice(Fake), Is.EqualTo("/job:localhost/replica:0/task:0/device:CPU:0"));
            Assert.That(NativeFakeLibrary.LastIntraOpThreads(Fake), Is.EqualTo(1));
        });
    }
}
