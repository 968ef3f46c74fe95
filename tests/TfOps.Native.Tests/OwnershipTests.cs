using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

/// <summary>
/// Counts, per path, the TF_Tensor wrappers and TF_Status objects the plugin obtains and releases
/// (the base class also checks the balance after every test in this project).
/// </summary>
internal sealed class OwnershipTests : PluginTestBase
{
    [Test]
    public void A_successful_compute_deletes_its_input_and_output_wrappers_and_its_status()
    {
        Register();
        using FakeKernel? kernel = Fake.CreateKernel(TfDataType.Float, "NHWC", out _);
        int tensors = Fake.TensorsCreated, statuses = Fake.StatusesCreated;

        FakeRunResult result = kernel!.Compute([4, 3], new byte[48]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.True, result.ToString());
            Assert.That(Fake.TensorsCreated - tensors, Is.EqualTo(2), "one input and one output wrapper");
            Assert.That(Fake.TensorsDeleted, Is.EqualTo(Fake.TensorsCreated));
            Assert.That(Fake.StatusesCreated - statuses, Is.EqualTo(1), "one status per compute");
            Assert.That(Fake.StatusesDeleted, Is.EqualTo(Fake.StatusesCreated));
        });
    }

    [TestCase(new long[] { 5 }, false, 1, 2)]
    [TestCase(new long[] { 4, 3 }, true, 1, 2)]
    public void A_failing_compute_deletes_every_wrapper_and_status(long[] shape, bool failAllocation, int tensorsExpected, int statusesExpected)
    {
        Register();
        using FakeKernel? kernel = Fake.CreateKernel(TfDataType.Float, "NHWC", out _);
        int tensors = Fake.TensorsCreated, statuses = Fake.StatusesCreated;

        FakeRunResult result = kernel!.Compute(shape, new byte[shape.Aggregate(4L, (n, d) => n * d)], failAllocation);

        Assert.Multiple(() =>
        {
            Assert.That(result.Ok, Is.False);
            Assert.That(Fake.TensorsCreated - tensors, Is.EqualTo(tensorsExpected), "the input wrapper only");
            Assert.That(Fake.TensorsDeleted, Is.EqualTo(Fake.TensorsCreated));
            Assert.That(Fake.StatusesCreated - statuses, Is.EqualTo(statusesExpected), "the working status and the one that reports");
            Assert.That(Fake.StatusesDeleted, Is.EqualTo(Fake.StatusesCreated));
        });
    }

    [Test]
    public void Delete_frees_the_state_create_returned_also_after_a_failed_construction()
    {
        Register();
        long before = Kernel.KernelState.Live;

        FakeKernel? good = Fake.CreateKernel(TfDataType.Float, "NCHW", out _);
        long afterCreate = Kernel.KernelState.Live;
        good!.Dispose();
        FakeKernel? bad = Fake.CreateKernel(TfDataType.Float, "bad", out FakeRunResult? failure);
        bad!.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(afterCreate - before, Is.EqualTo(1));
            Assert.That(Kernel.KernelState.Live, Is.EqualTo(before));
            Assert.That(failure!.Code, Is.EqualTo(TfCode.InvalidArgument));
            Assert.That(Fake.StatusesDeleted, Is.EqualTo(Fake.StatusesCreated));
        });
    }

    [Test]
    public void Registration_uses_one_status_and_leaves_every_builder_to_TensorFlow()
    {
        Register();

        Assert.Multiple(() =>
        {
            Assert.That(Fake.StatusesCreated, Is.EqualTo(1));
            Assert.That(Fake.StatusesDeleted, Is.EqualTo(1));
            Assert.That(Fake.BuildersCreated, Is.EqualTo(19));
            Assert.That(Fake.BuildersDeleted, Is.Zero, "registered builders belong to TensorFlow");
        });
    }
}
