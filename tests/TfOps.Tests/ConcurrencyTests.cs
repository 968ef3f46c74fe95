namespace TfOps.Tests;

/// <summary>Calls from several threads at once: one holds the worker pool, the others run on their own thread; all must be right.</summary>
public class ConcurrencyTests
{
    [Test]
    public void ConcurrentCallsGiveTheSameBits()
    {
        var x = new float[300 * 1024];
        var random = new Random(8);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextSingle() - 0.5f;
        }

        var expected = new float[3];
        BiasAddGrad.Compute<float>(x, [x.Length / 3, 3], DataFormat.NHWC, expected, new KernelOptions { MaxThreads = 1 });
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (int k = 0; k < 20; k++)
            {
                var y = new float[3];
                BiasAddGrad.Compute<float>(x, [x.Length / 3, 3], DataFormat.NHWC, y);
                if (!y.AsSpan().SequenceEqual(expected))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        Assert.That(failures, Is.Zero);
    }
}
