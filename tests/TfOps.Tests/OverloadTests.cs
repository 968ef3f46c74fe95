using System.Numerics.Tensors;

namespace TfOps.Tests;

/// <summary>The ReadOnlyTensorSpan overload (dense and strided) and the thread cap.</summary>
public class OverloadTests
{
    [Test]
    public void DenseTensorSpan()
    {
        float[] data = [.. Enumerable.Range(0, 24).Select(i => (float)i)];
        var tensor = new ReadOnlyTensorSpan<float>(data, [2, 3, 4]);
        var nchw = new float[3];
        BiasAddGrad.Compute(tensor, DataFormat.NCHW, nchw);
        Assert.That(nchw, Is.EqualTo(new float[] { 0 + 1 + 2 + 3 + 12 + 13 + 14 + 15, 4 + 5 + 6 + 7 + 16 + 17 + 18 + 19, 8 + 9 + 10 + 11 + 20 + 21 + 22 + 23 }));
    }

    [Test]
    public void StridedTensorSpanIsFlattenedFirst()
    {
        // A transposed view of a [3, 2] buffer: logical [2, 3] with strides [1, 2].
        float[] data = [1, 2, 3, 4, 5, 6];
        var transposed = new ReadOnlyTensorSpan<float>(data, [2, 3], [1, 2]);
        var y = new float[3];
        BiasAddGrad.Compute(transposed, DataFormat.NHWC, y);
        Assert.That(y, Is.EqualTo(new float[] { 1 + 2, 3 + 4, 5 + 6 }));
    }

    [Test]
    public void TensorSpanErrorsAreTensorFlows()
    {
        var error = Assert.Throws<TfOpsException>(() => BiasAddGrad.Compute(new ReadOnlyTensorSpan<float>(new float[5], [5]), DataFormat.NHWC, new float[5]))!;
        Assert.That(error.Message, Is.EqualTo("Input tensor must be at least 2D: [5]"));
    }

    [Test]
    public void MaxThreadsOptionIsHonouredWithoutChangingResults()
    {
        var x = new float[512 * 1024];
        var random = new Random(4);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextSingle();
        }

        var one = new float[64];
        var many = new float[64];
        BiasAddGrad.Compute<float>(x, [8192, 64], DataFormat.NHWC, one, new KernelOptions { MaxThreads = 1 });
        BiasAddGrad.Compute<float>(x, [8192, 64], DataFormat.NHWC, many, new KernelOptions { MaxThreads = 64 });
        Assert.That(many, Is.EqualTo(one));
    }
}
