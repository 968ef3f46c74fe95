using System.Runtime.InteropServices;

namespace TfOps.Native.Tests.Fake;

// The fake's side of TensorFlow's opaque C types. The plugin only ever sees them as addresses
// handed out by FakeHeap, which is what lets the fake detect leaks and double frees.

/// <summary>A TF_Status: a code and a message with a stable C string for TF_Message.</summary>
internal sealed class FakeStatus : IDisposable
{
    private nint _text = Marshal.StringToCoTaskMemUTF8(string.Empty); // char*, returned by TF_Message

    public TfCode Code { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public nint Text => _text;

    public void Set(TfCode code, string message)
    {
        Marshal.FreeCoTaskMem(_text);
        _text = Marshal.StringToCoTaskMemUTF8(message);
        Code = code;
        Message = message;
    }

    public void Dispose()
    {
        Marshal.FreeCoTaskMem(_text);
        _text = 0;
    }
}

/// <summary>A tensor's storage (TensorFlow's buffer), shared by every TF_Tensor wrapper of it.</summary>
internal sealed unsafe class FakeBuffer : IDisposable
{
    public FakeBuffer(TfDataType dtype, long[] shape, ReadOnlySpan<byte> contents)
    {
        DataType = dtype;
        Shape = shape;
        ByteSize = contents.Length;
        // A real allocation even when empty, so the plugin cannot get away with ignoring lengths.
        Data = NativeMemory.AlignedAlloc((nuint)Math.Max(ByteSize, 1), 64);
        contents.CopyTo(new Span<byte>(Data, ByteSize));
    }

    public TfDataType DataType { get; }

    public long[] Shape { get; }

    public int ByteSize { get; }

    public void* Data { get; private set; }

    public byte[] ToArray() => new ReadOnlySpan<byte>(Data, ByteSize).ToArray();

    public void Dispose()
    {
        NativeMemory.AlignedFree(Data);
        Data = null;
    }
}

/// <summary>A TF_Tensor wrapper: what TF_GetInput and TF_AllocateOutput return, freed by TF_DeleteTensor.</summary>
internal sealed record FakeTensor(FakeBuffer Buffer);

/// <summary>A TF_KernelBuilder and everything set on it before registration.</summary>
internal sealed record FakeBuilder(string Op, string Device, nint Create, nint Compute, nint Delete) // the three are C function pointers
{
    public List<(string Attr, TfDataType Type)> TypeConstraints { get; } = [];

    public int Priority { get; set; }

    public string Label { get; set; } = string.Empty;

    public List<string> HostMemoryArgs { get; } = [];
}

/// <summary>A TF_OpKernelConstruction: the node's attrs and the failure create reported, if any.</summary>
internal sealed class FakeConstruction(IReadOnlyDictionary<string, byte[]> attrs)
{
    public IReadOnlyDictionary<string, byte[]> Attrs { get; } = attrs;

    public (TfCode Code, string Message)? Failure { get; set; }
}

/// <summary>A TF_OpKernelContext: one input, the output compute allocated, the failure it reported.</summary>
internal sealed class FakeComputeContext(FakeBuffer input, TfDataType declaredType, bool failAllocation)
{
    public FakeBuffer Input { get; } = input;

    /// <summary>The node's T: what TF_InputDatatype and TF_ExpectedOutputDataType answer.</summary>
    public TfDataType DeclaredType { get; } = declaredType;

    public bool FailAllocation { get; } = failAllocation;

    public FakeBuffer? Output { get; set; }

    /// <summary>The len argument compute passed to TF_AllocateOutput (TensorFlow ignores it; tests check it).</summary>
    public ulong RequestedOutputBytes { get; set; }

    public (TfCode Code, string Message)? Failure { get; set; }
}
