using System.CommandLine;
using TfOps.Cli;

namespace TfOps.Cli.Tests;

[TestFixture]
public class BenchOptionsTests
{
    // TensorFlow's DataType numbers (tensorflow/core/framework/types.proto), stated independently of TfDataTypes.
    private static readonly (string Name, int Number)[] s_tensorFlowDtypes =
    [
        ("float32", 1), ("float64", 2), ("int32", 3), ("uint8", 4), ("int16", 5), ("int8", 6), ("complex64", 8),
        ("int64", 9), ("qint8", 11), ("quint8", 12), ("qint32", 13), ("bfloat16", 14), ("qint16", 15),
        ("quint16", 16), ("uint16", 17), ("complex128", 18), ("float16", 19), ("uint32", 22), ("uint64", 23),
    ];

    private static ParseResult Parse(params string[] args) => BenchCommand.Create().Parse(args);

    [Test]
    public void DefaultsAreFloat32AllShapesAndTheHarnessesTwentyFiveRounds()
    {
        var result = Parse();
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.GetValue<string>("--dtype"), Is.EqualTo("float32"));
        Assert.That(result.GetValue<string>("--shapes"), Is.EqualTo("all"));
        Assert.That(result.GetValue<int>("--reps"), Is.EqualTo(25));
        Assert.That(result.GetValue<int?>("--threads"), Is.Null);
        Assert.That(result.GetValue<FileInfo?>("--json"), Is.Null);
        Assert.That(result.GetValue<FileInfo?>("--png"), Is.Null);
    }

    [Test]
    public void EveryDtypeOfTheOpIsAcceptedAndMeansTensorFlowsType()
    {
        Assert.That(BenchCommand.DtypeNames, Is.EquivalentTo(s_tensorFlowDtypes.Select(d => d.Name)));
        foreach (var (name, number) in s_tensorFlowDtypes)
        {
            var result = Parse("--dtype", name);
            Assert.That(result.Errors, Is.Empty, name);
            Assert.That((int)BenchCommand.ParseDtype(result.GetValue<string>("--dtype")!), Is.EqualTo(number), name);
        }
    }

    [TestCase("float8")]
    [TestCase("bool")]
    [TestCase("Float32")]
    [TestCase("DT_FLOAT")]
    public void OtherDtypesAreRefused(string name)
    {
        var result = Parse("--dtype", name);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].Message, Does.Contain(name));
    }

    [TestCase("--reps", "2", "--reps must be at least 3")]
    [TestCase("--reps", "-1", "--reps must be at least 3")]
    [TestCase("--threads", "0", "--threads must be at least 1")]
    [TestCase("--shapes", "huge", "huge")]
    public void OutOfRangeValuesAreRefused(string option, string value, string message)
    {
        var result = Parse(option, value);
        Assert.That(result.Errors.Select(e => e.Message), Has.Some.Contains(message));
    }

    [Test]
    public void AllOptionsTogether()
    {
        var result = Parse("--dtype", "bfloat16", "--shapes", "large", "--reps", "3", "--threads", "1", "--json", "r.json", "--png", "p.png");
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.GetValue<string>("--shapes"), Is.EqualTo("large"));
        Assert.That(result.GetValue<int>("--reps"), Is.EqualTo(3));
        Assert.That(result.GetValue<int?>("--threads"), Is.EqualTo(1));
        Assert.That(result.GetValue<FileInfo?>("--json")!.Name, Is.EqualTo("r.json"));
        Assert.That(result.GetValue<FileInfo?>("--png")!.Name, Is.EqualTo("p.png"));
    }
}
