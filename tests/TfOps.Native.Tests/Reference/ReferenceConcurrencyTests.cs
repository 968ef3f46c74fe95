using TfOps.Native.Tests.Native;

namespace TfOps.Native.Tests.Reference;

/// <summary>One instance used from several threads at once, and disposed while calls are running.</summary>
internal sealed class ReferenceConcurrencyTests : ReferenceTestBase
{
    [Test]
    public void Concurrent_calls_on_one_instance_give_the_single_threaded_results_and_release_everything()
    {
        using TensorFlowReference reference = Open();
        long[][] shapes = [[7, 5], [2, 3, 9], [3, 4, 2, 2]];
        var inputs = shapes.Select((s, i) => WholeNumbers.Make(TfDataType.Float, s, i % 2 == 0 ? DataFormat.NHWC : DataFormat.NCHW, i)).ToArray();
        byte[][] expected = [.. shapes.Select((s, i) => reference.BiasAddGrad(TfDataType.Float, s, i % 2 == 0 ? "NHWC" : "NCHW", inputs[i].Input).Data.ToArray())];

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (int round = 0; round < 40; round++)
            {
                int i = (worker + round) % shapes.Length;
                byte[] got = reference.BiasAddGrad(TfDataType.Float, shapes[i], i % 2 == 0 ? "NHWC" : "NCHW", inputs[i].Input).Data.ToArray();
                if (!got.AsSpan().SequenceEqual(expected[i]))
                {
                    failures.Add($"worker {worker} round {round} shape {i}");
                }

                if (round % 5 == 0)
                {
                    try
                    {
                        reference.BiasAddGrad(TfDataType.QInt8, [2, 2], "NHWC", new byte[4]);
                        failures.Add("qint8 did not fail");
                    }
                    catch (TfOpsException e) when (e.Code == TfCode.NotFound)
                    {
                    }
                }
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(inputs.Select(p => p.Expected), Is.EqualTo(expected), "the single-threaded results are the exact sums");
        });
    }

    [Test]
    public void Disposing_while_calls_run_deletes_the_context_only_after_their_ops()
    {
        TensorFlowReference reference = Open();
        var (input, expected) = WholeNumbers.Make(TfDataType.Double, [64, 16], DataFormat.NHWC, 3);
        int completed = 0, refused = 0;
        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();

        using var start = new Barrier(5);
        Task[] workers = [.. Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < 200; i++)
            {
                try
                {
                    if (!reference.BiasAddGrad(TfDataType.Double, [64, 16], "NHWC", input).Data.Span.SequenceEqual(expected))
                    {
                        wrong.Add("wrong result");
                    }

                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        }))];

        start.SignalAndWait();
        Thread.Sleep(5);
        reference.Dispose();
        Task.WaitAll(workers);

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty);
            Assert.That(completed + refused, Is.GreaterThan(0));
            Assert.That(NativeFakeLibrary.Count(Fake, "contexts"), Is.Zero);
        });
    }
}
