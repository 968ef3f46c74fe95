using TfOps.Native.Tests.Fake;

namespace TfOps.Native.Tests;

/// <summary>TensorFlow calls one kernel's compute from many threads at once; each call must stand alone.</summary>
internal sealed class ConcurrencyTests : PluginTestBase
{
    [TestCase(1)]
    [TestCase(4)]
    public void Many_threads_computing_on_shared_kernels_all_get_exact_results(int maxThreads)
    {
        Register(new TensorFlowKernelOptions { MaxThreads = maxThreads });
        TfDataType[] dtypes = [TfDataType.Float, TfDataType.Double, TfDataType.Half, TfDataType.Int64, TfDataType.QInt8, TfDataType.Complex64];
        var kernels = new Dictionary<(TfDataType, DataFormat), FakeKernel>();
        foreach (TfDataType dtype in dtypes)
        {
            foreach (DataFormat format in new[] { DataFormat.NHWC, DataFormat.NCHW })
            {
                kernels[(dtype, format)] = Fake.CreateKernel(dtype, format.ToAttrString(), out _)!;
            }
        }

        try
        {
            var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            {
                TfDataType dtype = dtypes[i % dtypes.Length];
                DataFormat format = (i / dtypes.Length) % 2 == 0 ? DataFormat.NHWC : DataFormat.NCHW;
                long[] shape = [1 + (i % 5), 2 + (i % 7), 3 + (i % 3), 1 + (i % 4)];
                byte[] input = TestTensors.Random(dtype, shape, seed: i);

                FakeRunResult result = kernels[(dtype, format)].Compute(shape, input);

                if (!result.Ok || !result.Output!.AsSpan().SequenceEqual(TestTensors.Direct(dtype, shape, format, input)))
                {
                    mismatches.Add($"#{i} {dtype} {format}: {result}");
                }
            });

            Assert.That(mismatches, Is.Empty);
        }
        finally
        {
            foreach (FakeKernel kernel in kernels.Values)
            {
                kernel.Dispose();
            }
        }
    }
}
