namespace TfOps.Cli;

/// <summary>
/// Something the benchmark times, bound once to one buffer before timing starts: <see cref="Run"/>
/// is the only timed part, and it allocates nothing of its own (Parallel.For's bookkeeping aside).
/// </summary>
internal abstract class BenchTarget
{
    public abstract void Run();
}

/// <summary>BiasAddGrad through the raw-bytes overload, which serves every dtype (quantized ones included).</summary>
internal sealed class TfOpsTarget(TfDataType dtype, byte[] input, BenchCase benchCase, KernelOptions? options) : BenchTarget
{
    private readonly byte[] _output = new byte[benchCase.Validated(dtype).OutputByteCount];

    public ReadOnlySpan<byte> Output => _output;

    public override void Run() => BiasAddGrad.Compute(dtype, input, benchCase.Shape, benchCase.Format, _output, options);
}

/// <summary>The read reference (see <see cref="Cli.ReadReference"/>) as a benchmark target.</summary>
internal sealed class ReadReferenceTarget(byte[] input) : BenchTarget
{
    public ReadReference Reference { get; } = new(input);

    public override void Run() => Reference.Run();
}
