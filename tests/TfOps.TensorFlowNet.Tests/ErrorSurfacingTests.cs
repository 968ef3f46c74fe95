using Tensorflow;
using Tensorflow.Eager;
using Tensorflow.Exceptions;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Kernel errors surface as TensorFlow.NET surfaces a failed op: the exception type and TensorFlow's text.</summary>
public sealed class ErrorSurfacingTests : RegistryFixture
{
    // Written out from TensorFlow's OpDef order, not computed, so a drift in either side shows.
    private const string BoolNotAllowed =
        "Value for attr 'T' of bool is not in the list of allowed values: float, double, int32, uint8, int16, int8, " +
        "complex64, int64, qint8, quint8, qint32, bfloat16, qint16, quint16, uint16, complex128, half, uint32, uint64";

    private const string BadFormat = "Value for attr 'data_format' of \"NCDHW\" is not in the list of allowed values: \"NHWC\", \"NCHW\"";

    [TestCase(TfOpsGradientMode.ManagedInEager)]
    [TestCase(TfOpsGradientMode.TensorFlowKernel)]
    public void ABoolGradient_IsAnInvalidArgumentError_WithTensorFlowsText(TfOpsGradientMode mode)
    {
        TfOpsGradients.Install(new TfOpsGradientOptions { Mode = mode });
        var grad = new EagerTensor(new bool[] { true, false, true, true }, new Shape(2, 2));

        var error = Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NHWC"), [grad]));
        Assert.That(error!.Message, Is.EqualTo(BoolNotAllowed));
    }

    [Test]
    public void AnUnknownDataFormat_IsAnInvalidArgumentError_WithTensorFlowsText()
    {
        TfOpsGradients.Install();
        var grad = Tensors.Eager(TfDataType.Float, [2, 3, 4], seed: 1);

        var error = Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NCDHW"), [grad]));
        Assert.That(error!.Message, Is.EqualTo(BadFormat));
    }

    [Test]
    public void TheDtypeIsCheckedBeforeTheDataFormat_AsInTheOpDef()
    {
        TfOpsGradients.Install();
        var grad = new EagerTensor(new bool[] { true, false }, new Shape(1, 2));

        var error = Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAdd"](Tensors.BiasAddOp(grad, "NCDHW"), [grad]));
        Assert.That(error!.Message, Is.EqualTo(BoolNotAllowed));
    }

    [Test]
    public void ARank1Gradient_IsAnInvalidArgumentError_FromTheValidateStep()
    {
        TfOpsGradients.Install();
        var grad = new EagerTensor(new float[] { 1, 2, 3, 4, 5 }, new Shape(5));
        var op = Tensors.Operation("BiasAdd", [grad, grad], [grad], ["data_format", "NHWC", "T", grad.dtype]);

        var error = Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAdd"](op, [grad]));
        Assert.That(error!.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }

    [Test]
    public void SecondOrder_WithAStringDataFormatItCannotParse_IsAnInvalidArgumentError()
    {
        TfOpsGradients.Install();
        var outBackprop = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        var grad = Tensors.Eager(TfDataType.Float, [3], seed: 2);

        var error = Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAddGrad"](Tensors.BiasAddGradOp(outBackprop, "NCDHW"), [grad]));
        Assert.That(error!.Message, Is.EqualTo(BadFormat));
    }

    [Test]
    public void SecondOrder_AGradientOfTheWrongLength_IsAnInvalidArgumentError()
    {
        TfOpsGradients.Install();
        var outBackprop = Tensors.Eager(TfDataType.Float, [2, 3], seed: 1);
        var grad = Tensors.Eager(TfDataType.Float, [4], seed: 2);

        Assert.Throws<InvalidArgumentError>(() => BiasGradients.Functions["BiasAddGrad"](Tensors.BiasAddGradOp(outBackprop, "NHWC"), [grad]));
    }

    [TestCase(TfCode.InvalidArgument, typeof(InvalidArgumentError))]
    [TestCase(TfCode.OutOfRange, typeof(OutOfRangeError))]
    [TestCase(TfCode.Internal, typeof(NotOkStatusException))]
    [TestCase(TfCode.NotFound, typeof(NotOkStatusException))]
    public void OpErrors_MapCodesLikeTensorFlowNetMapsAStatus(TfCode code, Type expected)
    {
        var error = OpErrors.From(new TfOpsException(code, "the message"));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(expected));
            Assert.That(error.Message, Is.EqualTo("the message"));
        });
    }
}
