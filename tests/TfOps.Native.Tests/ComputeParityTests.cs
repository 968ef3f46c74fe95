using System.Runtime.InteropServices;
using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

/// <summary>
/// The plugin inside (fake) TensorFlow must give exactly what a direct call to the kernel gives on
/// the same bytes: two routes to one kernel, compared bit for bit, for every dtype and format.
/// </summary>
internal sealed class ComputeParityTests : PluginTestBase
{
    private static readonly long[][] Shapes =
    [
        [7, 3], [2, 3, 4, 5], [3, 1, 2, 2, 3], [1, 1], [33, 17],
        // TensorFlow's own empty cases: C == 0 gives an empty output, no elements gives C zeros.
        [0, 0], [2, 0], [0, 2], [4, 3, 0], [4, 0, 3], [0, 4, 3],
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from dtype in TfDataTypes.BiasAddGradTypes
        from format in new[] { DataFormat.NHWC, DataFormat.NCHW }
        select new TestCaseData(dtype, format).SetArgDisplayNames(TfDataTypes.CppName(dtype), format.ToString());

    [TestCaseSource(nameof(Cases))]
    public void Output_equals_a_direct_kernel_call_bit_for_bit(TfDataType dtype, DataFormat format)
    {
        Register();
        using FakeKernel? kernel = Fake.CreateKernel(dtype, format.ToAttrString(), out FakeRunResult? failure);
        Assert.That(failure, Is.Null);

        for (int i = 0; i < Shapes.Length; i++)
        {
            long[] shape = Shapes[i];
            byte[] input = TestTensors.Random(dtype, shape, seed: (int)dtype * 100 + i);
            byte[] expected = TestTensors.Direct(dtype, shape, format, input);

            FakeRunResult result = kernel!.Compute(shape, input);

            string at = $"shape [{string.Join(",", shape)}]";
            Assert.That(result.Ok, Is.True, $"{at}: {result}");
            Assert.That(result.OutputShape, Is.EqualTo(new[] { TestTensors.Channels(shape, format) }), at);
            Assert.That(result.Output, Is.EqualTo(expected), at);
            Assert.That(result.RequestedOutputBytes, Is.EqualTo((ulong)expected.Length), $"{at}: TF_AllocateOutput's len");
        }
    }

    [Test]
    public void Rank_2_NCHW_is_column_sums_like_NHWC()
    {
        Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Int32] });
        long[] shape = [2, 3];
        byte[] input = new byte[24];
        new[] { 1, 2, 3, 10, 20, 30 }.AsSpan().CopyTo(MemoryMarshal.Cast<byte, int>(input.AsSpan()));

        FakeRunResult nchw = Fake.Run(TfDataType.Int32, shape, input, "NCHW");

        Assert.That(nchw.Ok, Is.True, nchw.ToString());
        Assert.That(MemoryMarshal.Cast<byte, int>(nchw.Output.AsSpan()).ToArray(), Is.EqualTo(new[] { 11, 22, 33 }));
    }

    [Test]
    public void Kernel_state_keeps_each_nodes_data_format()
    {
        Register(new TensorFlowKernelOptions { DataTypes = [TfDataType.Float] });
        long[] shape = [2, 3, 4];
        byte[] input = TestTensors.Random(TfDataType.Float, shape, seed: 5);
        using FakeKernel? nhwc = Fake.CreateKernel(TfDataType.Float, "NHWC", out _);
        using FakeKernel? nchw = Fake.CreateKernel(TfDataType.Float, "NCHW", out _);

        Assert.Multiple(() =>
        {
            Assert.That(nhwc!.Compute(shape, input).Output, Is.EqualTo(TestTensors.Direct(TfDataType.Float, shape, DataFormat.NHWC, input)));
            Assert.That(nchw!.Compute(shape, input).Output, Is.EqualTo(TestTensors.Direct(TfDataType.Float, shape, DataFormat.NCHW, input)));
        });
    }
}
