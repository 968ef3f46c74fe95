using System.Runtime.InteropServices;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class ReadReferenceTests
{
    // Lengths that do not split evenly across the cores, and one with bytes left over past the last float.
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(1_000_003)]
    public void ReadsEveryFloatExactlyOnce(int floats)
    {
        var bytes = new byte[(floats * sizeof(float)) + 3];
        MemoryMarshal.Cast<byte, float>(bytes.AsSpan(0, floats * sizeof(float))).Fill(1f);
        bytes[^1] = bytes[^2] = bytes[^3] = 0xFF; // not a whole float: must not be read
        var reference = new ReadReference(bytes);
        reference.Run();
        Assert.That(reference.Total, Is.EqualTo(floats)); // ones sum exactly in float up to 2^24 per chunk
    }

    [Test]
    public void SumsTheBytesViewedAsFloat32()
    {
        var random = new Random(3);
        float[] values = [.. Enumerable.Range(0, 100_001).Select(_ => random.NextSingle() - 0.5f)];
        var reference = new ReadReference(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        reference.Run();
        double naive = 0;
        foreach (float v in values)
        {
            naive += v;
        }

        Assert.That(reference.Total, Is.EqualTo(naive).Within(1e-6 * values.Length));
    }
}
