using System.Reflection;
using Tensorflow;
using Tensorflow.Eager;
using TfOps.TensorFlowNet.Tests.FakeRuntime;
using TfOps.TensorFlowNet.Tests.Support;
using static Tensorflow.Binding;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// The stand-in and the fake runtime behave as TensorFlow.NET 0.150 does where TfOps depends on it,
/// sharp edges included (each case names the TensorFlow.NET source or the observation it follows).
/// </summary>
public sealed class StandInBehaviourTests : RegistryFixture
{
    [Test]
    public void TheByteArrayConstructor_ThrowsIndexOutOfRange_ForAnEmptyArray()
    {
        // c_api.tensor.cs TF_NewTensor(byte[], Shape, TF_DataType): fixed (void* addr = &data[0]).
        Assert.Multiple(() =>
        {
            Assert.Throws<IndexOutOfRangeException>(() => _ = new EagerTensor([], new Shape(0), TF_DataType.TF_FLOAT));
            Assert.Throws<IndexOutOfRangeException>(() => _ = new EagerTensor([], new Shape(2, 3, 0), TF_DataType.TF_DOUBLE));
        });
    }

    [Test]
    public void TheShapeConstructor_AndAnEmptyArray_MakeZeroElementTensors()
    {
        // Tensor.Creation.cs: InitTensor(Shape, TF_DataType) and InitTensor(Array) with shape.size == 0 allocate without copying.
        var fromShape = new EagerTensor(new Shape(2, 0), TF_DataType.TF_FLOAT);
        var fromArray = new EagerTensor(new float[0, 4], new Shape(0, 4));
        Assert.Multiple(() =>
        {
            Assert.That(fromShape.BufferToArray(), Is.Empty);
            Assert.That(fromShape.TensorDataPointer, Is.Not.EqualTo(IntPtr.Zero));
            Assert.That(fromArray.shape.dims, Is.EqualTo(new long[] { 0, 4 }));
        });
    }

    [Test]
    public void TheArrayConstructor_RejectsElementTypesTensorFlowNetDoesNotList() =>
        Assert.Throws<NotImplementedException>(() => _ = new EagerTensor(new sbyte[] { 1, 2 }, new Shape(2)));

    [Test]
    public void ADisposedTensor_HasNoBuffer()
    {
        var tensor = new EagerTensor(new float[] { 1, 2 }, new Shape(2));
        tensor.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = tensor.TensorDataPointer);
    }

    [Test]
    public void OnlyOpsThroughTheFastPath_AreRecorded_NotTensorsMadeFromBytes()
    {
        ops.RegisterFromAssembly();
        TfOpsGradients.Install();
        var x = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        using var tape = tf.GradientTape(persistent: true);
        tape.watch(x);
        var viaOp = gen_nn_ops.bias_add_grad(x);
        var fromBytes = new EagerTensor(viaOp.BufferToArray(), viaOp.shape, viaOp.dtype);

        Assert.Multiple(() =>
        {
            Assert.That(tape.gradient(viaOp, x), Is.Not.Null);
            Assert.That(tape.gradient(fromBytes, x), Is.Null);
        });
    }

    [Test]
    public void NestedTapes_AreOneObject_AndDisposingItClearsThemAll()
    {
        // APIs/tf.gradients.cs: tf.GradientTape() pushes a tape and returns the one shared GradientTape.
        var outer = tf.GradientTape();
        var inner = tf.GradientTape();
        Assert.That(inner, Is.SameAs(outer));
        Assert.That(Runtime.Tapes.Count, Is.EqualTo(2));

        inner.Dispose();

        var x = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        Assert.Multiple(() =>
        {
            Assert.That(Runtime.Tapes.Count, Is.Zero);
            Assert.That(tf.Runner.MustRecordGradient(), Is.False);
            Assert.Throws<InvalidOperationException>(() => outer.gradient(x, x), "Stack.Peek on an empty tape stack");
        });
    }

    [Test]
    public void AnEagerOperation_HasNoTypeOrName_ItsOpTypeIsInName()
    {
        var op = new EagerOperation { Name = "BiasAdd", Attrs = ["data_format", "NCHW"] };
        Assert.Multiple(() =>
        {
            Assert.That(op.type, Is.Empty);
            Assert.That(op.name, Is.Empty);
            Assert.That(op.get_attr("data_format"), Is.EqualTo("NCHW"));
            Assert.That(op.get_attr("T"), Is.Null);
        });
    }

    [Test]
    public void BuiltInGradients_AreCalledThroughReflection_SoTheirExceptionsArriveWrapped()
    {
        ops.RegisterFromAssembly();
        var error = Assert.Throws<TargetInvocationException>(() => ops.gradientFunctions["Identity"](new EagerOperation(), null!));
        Assert.That(error!.InnerException, Is.TypeOf<NullReferenceException>());
    }

    [Test]
    public void AGeneratedWrapper_SwallowsAKernelsInvalidArgument_AndSwitchesToGraphMode()
    {
        // gen_nn_ops.cs bias_add_grad: catch (NotOkStatusException) rethrows, catch (Exception) swallows;
        // then _apply_op_helper -> Graph.as_default() -> tf.Context.graph_mode().
        var rank1 = new EagerTensor(new float[] { 1, 2, 3 }, new Shape(3));

        var result = gen_nn_ops.bias_add_grad(rank1);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.Not.InstanceOf<EagerTensor>(), "a symbolic graph tensor");
            Assert.That(tf.executing_eagerly(), Is.False);
        });
    }
}
