namespace TfOps.Native.Tests.Fake;

/// <summary>What one op execution produced: the output bytes and shape, or the status TensorFlow would raise.</summary>
internal sealed record FakeRunResult(TfCode Code, string Message, byte[]? Output, long[]? OutputShape, ulong RequestedOutputBytes)
{
    public bool Ok => Code == TfCode.Ok;

    public static FakeRunResult Failed(TfCode code, string message) => new(code, message, null, null, 0);

    public override string ToString() => Ok ? $"OK [{string.Join(",", OutputShape ?? [])}]" : $"{TfCodes.Name(Code)}: {Message}";
}
