using System.Numerics.Tensors;

namespace TfOps.Benchmarks;

/// <summary>The simple peers TfOps is compared with (float32): a naive loop and plain TensorPrimitives (the read reference is <see cref="TfOps.Cli.ReadReference"/>).</summary>
internal static class Baselines
{
    public static void Naive(float[] x, BenchShape s, float[] y)
    {
        Array.Clear(y);
        int at = 0, outer = s.Outer, channels = s.Channels, inner = s.Inner;
        for (int n = 0; n < outer; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                for (int i = 0; i < inner; i++)
                {
                    y[c] += x[at++];
                }
            }
        }
    }

    public static void TensorPrimitivesPlain(float[] x, BenchShape s, float[] y)
    {
        Array.Clear(y);
        var input = x.AsSpan();
        int outer = s.Outer, channels = s.Channels, inner = s.Inner;
        if (inner == 1)
        {
            for (int r = 0; r < outer; r++)
            {
                TensorPrimitives.Add(y, input.Slice(r * channels, channels), y);
            }

            return;
        }

        int at = 0;
        for (int n = 0; n < outer; n++)
        {
            for (int c = 0; c < channels; c++, at += inner)
            {
                y[c] += TensorPrimitives.Sum(input.Slice(at, inner));
            }
        }
    }
}
