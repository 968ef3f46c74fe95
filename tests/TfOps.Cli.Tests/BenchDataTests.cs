using System.Runtime.InteropServices;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchDataTests
{
    private const int Elements = 10_000;

    [Test]
    public void EveryDtypeGetsElementsTimesItsSize()
    {
        // Element sizes from TensorFlow's types, stated here independently.
        var sizes = new Dictionary<string, int>
        {
            ["float16"] = 2, ["bfloat16"] = 2, ["float32"] = 4, ["float64"] = 8, ["complex64"] = 8, ["complex128"] = 16,
            ["int8"] = 1, ["int16"] = 2, ["int32"] = 4, ["int64"] = 8, ["uint8"] = 1, ["uint16"] = 2, ["uint32"] = 4,
            ["uint64"] = 8, ["qint8"] = 1, ["quint8"] = 1, ["qint16"] = 2, ["quint16"] = 2, ["qint32"] = 4,
        };
        foreach (string name in BenchCommand.DtypeNames)
        {
            Assert.That(BenchData.Create(BenchCommand.ParseDtype(name), Elements), Has.Length.EqualTo(Elements * sizes[name]), name);
        }
    }

    [Test]
    public void FloatingDtypesHoldUnitIntervalValues()
    {
        // Decoded without TfOps's types: IEEE bits for float16, the top half of a float32 for bfloat16.
        AssertUnit(MemoryMarshal.Cast<byte, float>(BenchData.Create(TfDataType.Float, Elements)).ToArray());
        AssertUnit(MemoryMarshal.Cast<byte, double>(BenchData.Create(TfDataType.Double, Elements)).ToArray());
        AssertUnit(MemoryMarshal.Cast<byte, float>(BenchData.Create(TfDataType.Complex64, Elements)).ToArray());
        AssertUnit(MemoryMarshal.Cast<byte, double>(BenchData.Create(TfDataType.Complex128, Elements)).ToArray());
        AssertUnit([.. MemoryMarshal.Cast<byte, ushort>(BenchData.Create(TfDataType.Half, Elements)).ToArray().Select(b => (double)BitConverter.UInt16BitsToHalf(b))]);
        AssertUnit([.. MemoryMarshal.Cast<byte, ushort>(BenchData.Create(TfDataType.BFloat16, Elements)).ToArray().Select(b => (double)BitConverter.Int32BitsToSingle(b << 16))]);
    }

    [Test]
    public void IntegerDtypesHoldVariedBytesFromTheSeed()
    {
        byte[] a = BenchData.Create(TfDataType.Int32, Elements), b = BenchData.Create(TfDataType.Int32, Elements);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(BenchData.Create(TfDataType.Int32, Elements, seed: 1), Is.Not.EqualTo(a));
        Assert.That(a.Distinct().Count(), Is.GreaterThan(200));
    }

    private static void AssertUnit(IReadOnlyCollection<float> values) => AssertUnit([.. values.Select(v => (double)v)]);

    private static void AssertUnit(IReadOnlyCollection<double> values)
    {
        // 16-bit types may round values just below 1 up to 1.
        Assert.That(values, Has.All.InRange(0.0, 1.0));
        Assert.That(values.Average(), Is.EqualTo(0.5).Within(0.02));
    }
}
