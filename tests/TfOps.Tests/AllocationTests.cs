using System.Numerics;

namespace TfOps.Tests;

/// <summary>Small inputs must not allocate per call (scratch on the stack or from the shared pools).</summary>
public class AllocationTests
{
    [TestCase(DataFormat.NHWC, new long[] { 37, 5 })]
    [TestCase(DataFormat.NHWC, new long[] { 1, 1000 })]
    [TestCase(DataFormat.NHWC, new long[] { 64, 64 })]
    [TestCase(DataFormat.NCHW, new long[] { 3, 4, 300 })]
    [TestCase(DataFormat.NCHW, new long[] { 8, 16, 49 })]
    public void NoAllocationPerCall(DataFormat format, long[] shape)
    {
        Assert.That(AllocatedPerCall<float>(format, shape), Is.Zero);
        Assert.That(AllocatedPerCall<Half>(format, shape), Is.Zero);
        Assert.That(AllocatedPerCall<Complex>(format, shape), Is.Zero);
    }

    private static long AllocatedPerCall<T>(DataFormat format, long[] shape)
        where T : unmanaged
    {
        var input = new T[shape.Aggregate(1L, (a, b) => a * b)];
        var output = new T[format == DataFormat.NHWC ? shape[^1] : shape[1]];
        for (int i = 0; i < 3; i++)
        {
            BiasAddGrad.Compute<T>(input, shape, format, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            BiasAddGrad.Compute<T>(input, shape, format, output);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
