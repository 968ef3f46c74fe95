using TfOps.Native.Interop;

namespace TfOps.Native.Tests.Reference;

/// <summary>DESIGN.md's rule for TensorFlow's decorations, on messages written out by hand.</summary>
internal sealed class TensorFlowMessageTests
{
    [TestCase("Input tensor must be at least 2D: [5]", "Input tensor must be at least 2D: [5]")]
    [TestCase("{{function_node __wrapped__BiasAddGrad_device_/job:localhost/replica:0/task:0/device:CPU:0}} Input tensor must be at least 2D: [5] [Op:BiasAddGrad]",
        "Input tensor must be at least 2D: [5]")]
    [TestCase("Value for attr 'T' of bool is not in the list of allowed values: float\n\t; NodeDef: {{node BiasAddGrad}}; Op<name=BiasAddGrad> [Op:BiasAddGrad]",
        "Value for attr 'T' of bool is not in the list of allowed values: float")]
    [TestCase("No registered 'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}\n\t.  Registered:  device='CPU'; T in [DT_FLOAT]\n",
        "No registered 'BiasAddGrad' OpKernel for 'CPU' devices compatible with node {{node BiasAddGrad}}")]
    [TestCase("shape [2] [Op:X] and more", "shape [2] [Op:X] and more")]
    public void Core_strips_the_prefix_the_suffix_and_everything_after_the_first_line(string raw, string core) =>
        Assert.That(TensorFlowMessage.Core(raw), Is.EqualTo(core));
}
