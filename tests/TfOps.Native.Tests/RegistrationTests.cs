using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

internal sealed class RegistrationTests : PluginTestBase
{
    [Test]
    public void Registers_BiasAddGrad_on_CPU_once_per_dtype_with_type_constraint_T_and_priority_1()
    {
        TensorFlowKernelRegistration registration = Register();

        IReadOnlyList<FakeBuilder> builders = Fake.Registrations;
        Assert.Multiple(() =>
        {
            Assert.That(registration.DataTypes, Is.EqualTo(TfDataTypes.BiasAddGradTypes));
            Assert.That(registration.Priority, Is.EqualTo(1));
            Assert.That(registration.Label, Is.Null);
            Assert.That(registration.LibraryPath, Is.EqualTo(Fake.Name));
            Assert.That(registration.MaxThreads, Is.EqualTo(1));
            Assert.That(builders.Select(b => b.TypeConstraints.Single()), Is.EqualTo(TfDataTypes.BiasAddGradTypes.Select(t => ("T", t))));
            Assert.That(builders.Select(b => (b.Op, b.Device, b.Priority, b.Label)).Distinct(), Is.EqualTo(new[] { ("BiasAddGrad", "CPU", 1, "") }));
            Assert.That(builders.Select(b => b.HostMemoryArgs.Count), Is.All.Zero, "CPU kernels need no host-memory pins");
            Assert.That(builders.Select(b => (b.Create, b.Compute, b.Delete)).Distinct().Count(), Is.EqualTo(1), "one set of static callbacks");
            Assert.That(builders[0].Create, Is.Not.Zero);
            Assert.That(builders[0].Delete, Is.Not.Zero);
        });
    }

    [Test]
    public void Current_and_IsRegistered_report_the_registration_only_after_it_succeeded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TensorFlowKernelPlugin.IsRegistered, Is.False);
            Assert.That(TensorFlowKernelPlugin.Current, Is.Null);
        });

        TensorFlowKernelRegistration registration = Register();

        Assert.Multiple(() =>
        {
            Assert.That(TensorFlowKernelPlugin.IsRegistered, Is.True);
            Assert.That(TensorFlowKernelPlugin.Current, Is.SameAs(registration));
        });
    }

    [Test]
    public void Records_the_requested_priority_label_and_dtypes_in_the_ops_order()
    {
        TensorFlowKernelRegistration registration = Register(new TensorFlowKernelOptions
        {
            Priority = 7,
            Label = "tfops",
            DataTypes = [TfDataType.Half, TfDataType.Float, TfDataType.QInt8, TfDataType.Float],
        });

        TfDataType[] expected = [TfDataType.Float, TfDataType.QInt8, TfDataType.Half];
        Assert.Multiple(() =>
        {
            Assert.That(registration.DataTypes, Is.EqualTo(expected));
            Assert.That(registration.Priority, Is.EqualTo(7));
            Assert.That(registration.Label, Is.EqualTo("tfops"));
            Assert.That(Fake.Registrations.Select(b => (b.TypeConstraints.Single().Type, b.Priority, b.Label)),
                Is.EqualTo(expected.Select(t => (t, 7, "tfops"))));
        });
    }

    [Test]
    public void Is_idempotent_for_the_same_options_and_for_null()
    {
        var options = new TensorFlowKernelOptions { Priority = 2, DataTypes = [TfDataType.Float] };
        TensorFlowKernelRegistration first = Register(options);

        TensorFlowKernelRegistration again = Register(new TensorFlowKernelOptions { Priority = 2, DataTypes = [TfDataType.Float] });
        TensorFlowKernelRegistration withNull = Register(null);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(withNull, Is.SameAs(first));
            Assert.That(Fake.Registrations, Has.Count.EqualTo(1), "nothing registered twice");
        });
    }

    [Test]
    public void Refuses_different_options_later_with_FailedPrecondition()
    {
        Register(new TensorFlowKernelOptions { Priority = 2 });

        var error = Assert.Throws<TfOpsException>(() => Register(new TensorFlowKernelOptions { Priority = 3 }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.FailedPrecondition));
            Assert.That(error.Message, Does.Contain("cannot unregister"));
            Assert.That(Fake.Registrations, Has.Count.EqualTo(19));
        });
        Assert.That(() => Register(new TensorFlowKernelOptions { Priority = 2, Label = "x" }), Throws.TypeOf<TfOpsException>());
        Assert.That(() => Register(new TensorFlowKernelOptions { Priority = 2, MaxThreads = 4 }), Throws.TypeOf<TfOpsException>());
        Assert.That(() => Register(new TensorFlowKernelOptions { Priority = 2, DataTypes = [TfDataType.Float] }), Throws.TypeOf<TfOpsException>());
    }

    [Test]
    public void Concurrent_first_calls_register_exactly_once()
    {
        TensorFlowKernelRegistration[] results = new TensorFlowKernelRegistration[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => results[i] = Register());

        Assert.Multiple(() =>
        {
            Assert.That(results.Distinct().Count(), Is.EqualTo(1));
            Assert.That(Fake.Registrations, Has.Count.EqualTo(19));
        });
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Rejects_a_priority_that_would_tie_with_or_lose_to_TensorFlows_kernel(int priority)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Register(new TensorFlowKernelOptions { Priority = priority }));

        Assert.That(error!.ParamName, Is.EqualTo("Priority"));
        Assert.That(Fake.Registrations, Is.Empty);
    }

    [Test]
    public void Rejects_dtypes_outside_the_op_and_an_empty_list()
    {
        var error = Assert.Throws<ArgumentException>(() => Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Bool] }));
        Assert.That(error!.Message, Does.StartWith("bool is not one of BiasAddGrad's dtypes"));

        var empty = Assert.Throws<ArgumentException>(() => Register(new TensorFlowKernelOptions { DataTypes = [] }));
        Assert.That(empty!.ParamName, Is.EqualTo("DataTypes"));
        Assert.That(Fake.Registrations, Is.Empty);
    }

    [TestCase(null, null, 1)]
    [TestCase("3", null, 3)]
    [TestCase("3", 5, 5)]
    [TestCase("zero", null, 1)]
    public void The_thread_cap_inside_TensorFlow_defaults_to_1_or_TFOPS_NUM_THREADS(string? environment, int? option, int expected)
    {
        string? previous = Environment.GetEnvironmentVariable("TFOPS_NUM_THREADS");
        Environment.SetEnvironmentVariable("TFOPS_NUM_THREADS", environment);
        try
        {
            TensorFlowKernelRegistration registration = Register(new TensorFlowKernelOptions { MaxThreads = option });

            Assert.That(registration.MaxThreads, Is.EqualTo(expected));
            Assert.That(Kernel.PluginRuntime.Current!.ComputeOptions.MaxThreads, Is.EqualTo(expected), "what every compute passes to the kernel");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TFOPS_NUM_THREADS", previous);
        }
    }

    [Test]
    public void Rejects_a_thread_cap_below_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Register(new TensorFlowKernelOptions { MaxThreads = 0 }));

        Assert.That(error!.ParamName, Is.EqualTo("MaxThreads"));
    }

    [Test]
    public void A_failed_type_constraint_deletes_its_builder_and_leaves_registration_retryable()
    {
        Fake.RejectTypeConstraint = TfDataType.Float; // the first dtype: nothing reaches TensorFlow

        var error = Assert.Throws<TfOpsException>(() => Register());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.InvalidArgument));
            Assert.That(error.Message, Is.EqualTo("fake: type constraint 1 rejected"));
            Assert.That(Fake.BuildersDeleted, Is.EqualTo(1));
        });

        Fake.RejectTypeConstraint = null;
        Assert.That(Register().DataTypes, Has.Count.EqualTo(19));
    }

    [Test]
    public void A_failure_after_TensorFlow_took_builders_makes_later_calls_fail_with_FailedPrecondition()
    {
        Fake.RejectTypeConstraint = TfDataType.Int32; // third dtype: float and double are already registered

        var error = Assert.Throws<TfOpsException>(() => Register());
        Fake.RejectTypeConstraint = null;
        var later = Assert.Throws<TfOpsException>(() => Register());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.InvalidArgument));
            Assert.That(Fake.Registrations, Has.Count.EqualTo(2));
            Assert.That(later!.Code, Is.EqualTo(TfCode.FailedPrecondition));
            Assert.That(later.Message, Does.Contain("fake: type constraint 3 rejected"));
        });
    }

    [Test]
    public void A_register_status_failure_surfaces_with_its_code_and_message()
    {
        Fake.RegisterFailure = (TfCode.AlreadyExists, "fake: kernel already registered");

        var error = Assert.Throws<TfOpsException>(() => Register());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TfCode.AlreadyExists));
            Assert.That(error.Message, Is.EqualTo("fake: kernel already registered"));
            Assert.That(Fake.BuildersDeleted, Is.Zero, "TF_RegisterKernelBuilder owns the builder even when it fails");
        });
    }

    [Test]
    public void The_default_priority_wins_over_TensorFlows_own_kernel()
    {
        FakeBuiltinKernel.AddTo(Fake, TfDataType.Float);
        long[] shape = [2, 3];
        byte[] input = TestTensors.Random(TfDataType.Float, shape, seed: 1);
        Assert.That(Fake.Run(TfDataType.Float, shape, input).Message, Is.EqualTo(FakeBuiltinKernel.Marker), "the fake's selection works");

        long before = TensorFlowKernelPlugin.ComputeCount;
        Register();
        FakeRunResult result = Fake.Run(TfDataType.Float, shape, input);

        Assert.That(result.Ok, Is.True, result.ToString());
        Assert.That(TensorFlowKernelPlugin.ComputeCount - before, Is.EqualTo(1), "ComputeCount shows the managed kernel ran");
    }

    [Test]
    public void A_label_keeps_the_kernel_to_nodes_that_ask_for_it()
    {
        FakeBuiltinKernel.AddTo(Fake, TfDataType.Float);
        Register(new TensorFlowKernelOptions { Label = "tfops", DataTypes = [TfDataType.Float] });
        long[] shape = [2, 3];
        byte[] input = TestTensors.Random(TfDataType.Float, shape, seed: 1);

        FakeRunResult unlabeled = Fake.Run(TfDataType.Float, shape, input);
        FakeRunResult labeled = Fake.Run(TfDataType.Float, shape, input, label: "tfops");

        Assert.Multiple(() =>
        {
            Assert.That(unlabeled.Message, Is.EqualTo(FakeBuiltinKernel.Marker), "unlabeled nodes keep TensorFlow's kernel");
            Assert.That(labeled.Ok, Is.True, labeled.ToString());
        });
    }
}
