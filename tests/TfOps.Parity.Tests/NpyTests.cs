using System.Text;

namespace TfOps.Parity.Tests;

[TestFixture]
public class NpyTests
{
    private static readonly string[] OpDtypes =
    [
        "float16", "bfloat16", "float32", "float64", "complex64", "complex128", "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64", "qint8", "quint8", "qint16", "quint16", "qint32",
    ];

    // The dtypes whose storage NumSharp's np.load_npy reads as is (it widens complex64, has no bfloat16).
    private static readonly string[] NumSharpDtypes =
        ["float16", "float32", "float64", "complex128", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];

    [TestCaseSource(nameof(NumSharpDtypes))]
    public void HeaderReaderAgreesWithNumSharpAsAnIndependentReader(string name)
    {
        var dtype = Dtype(name);
        string path = Fixtures.Case($"{name}/NCHW/2x3x65", "input.npy");
        var tensor = NpyReader.Read(path, dtype);
        Assert.That(tensor.Shape, Is.EqualTo(new long[] { 2, 3, 65 }));
        Assert.That(tensor.Data, Has.Length.EqualTo(2 * 3 * 65 * dtype.ElementSize));

        using var array = NumSharp.np.load_npy(path);
        Assert.That(array.shape, Is.EqualTo(new[] { 2, 3, 65 }));
        var asStored = new NumSharpBytes(array);
        Assert.That(tensor.Data, Is.EqualTo(TfDataTypes.Accept<NumSharpBytes, byte[]>(dtype.DataType, ref asStored)));
    }

    private readonly struct NumSharpBytes(NumSharp.NDArray array) : IDataTypeVisitor<byte[]>
    {
        public byte[] Visit<T>()
            where T : unmanaged =>
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(array.ToArray<T>().AsSpan()).ToArray();
    }

    [Test]
    public void RankZeroKeepsItsEmptyShape()
    {
        // NumSharp reads a 0-d array as shape [1]; the header reader keeps ().
        var tensor = NpyReader.Read(Fixtures.Case("float32/NHWC/rank0", "input.npy"), GoldenDtype.For(TfDataType.Float));
        Assert.That(tensor.Shape, Is.Empty);
        Assert.That(tensor.Data, Has.Length.EqualTo(4));
    }

    [Test]
    public void Complex64StaysTwoFloats()
    {
        var tensor = NpyReader.Read(Fixtures.Case("complex64/NHWC/1x3x2", "input.npy"), GoldenDtype.For(TfDataType.Complex64));
        byte[] file = System.IO.File.ReadAllBytes(Fixtures.Case("complex64/NHWC/1x3x2", "input.npy"));
        Assert.That(tensor.Data, Is.EqualTo(file[^48..]));
    }

    [TestCaseSource(nameof(OpDtypes))]
    public void WriterRoundTripsThroughTheReader(string name)
    {
        var dtype = Dtype(name);
        var data = Enumerable.Range(0, 6 * dtype.ElementSize).Select(i => (byte)(i * 37 % 251)).ToArray();
        if (dtype.DataType is TfDataType.Half or TfDataType.BFloat16 or TfDataType.Float or TfDataType.Double or TfDataType.Complex64 or TfDataType.Complex128)
        {
            data = FiniteValues(dtype, 6);
        }

        using var stream = new MemoryStream();
        NpyWriter.Write(stream, dtype, [2, 3], data);
        byte[] file = stream.ToArray();
        Assert.That((file.Length - data.Length) % 64, Is.Zero, "numpy aligns the header to 64 bytes");
        var back = NpyReader.Read(file, dtype, "memory");
        Assert.That(back.Shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(back.Data, Is.EqualTo(data));
    }

    [Test]
    public void WriterMatchesNumpysBytes()
    {
        // expected.npy of a float32 case was written by numpy's np.save: same header, same bytes.
        string path = Fixtures.Case("float32/NHWC/2x3x4x2", "expected.npy");
        var tensor = NpyReader.Read(path, GoldenDtype.For(TfDataType.Float));
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, tensor.Dtype, tensor.Shape, tensor.Data);
        Assert.That(stream.ToArray(), Is.EqualTo(System.IO.File.ReadAllBytes(path)));
    }

    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new long[0])]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", new long[] { 5 })]
    [TestCase("{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(2,3)}", new long[] { 2, 3 })]
    [TestCase("{'shape': (0, 4, 3), 'fortran_order': False, 'descr': '<f4'}", new long[] { 0, 4, 3 })]
    public void HeaderVariants(string dict, long[] shape)
    {
        var header = NpyHeader.Parse(NpyBytes(1, dict));
        Assert.That(header.Descr, Is.EqualTo("<f4"));
        Assert.That(header.Shape, Is.EqualTo(shape));
    }

    [Test]
    public void VersionTwoHeaders()
    {
        var header = NpyHeader.Parse(NpyBytes(2, "{'descr': '<i8', 'fortran_order': False, 'shape': (7,), }"));
        Assert.That(header.Shape, Is.EqualTo(new long[] { 7 }));
        Assert.That(header.DataOffset % 16, Is.Zero);
    }

    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", "non-negative integer")]
    [TestCase("{'descr': '<f4', 'fortran_order': False}", "no tuple 'shape'")]
    [TestCase("{'descr': <f4, 'fortran_order': False, 'shape': (1,)}", "unsupported value")]
    [TestCase("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", "unsupported value")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} x", "trailing characters")]
    [TestCase("{'descr': '<f4", "unterminated string")]
    public void MalformedHeaders(string dict, string reason)
    {
        var error = Assert.Throws<FormatException>(() => NpyHeader.Parse(NpyBytes(1, dict)));
        Assert.That(error!.Message, Does.Contain(reason));
    }

    private static GoldenDtype Dtype(string name) =>
        GoldenDtype.TryFind(name, out var dtype) ? dtype : throw new AssertionException($"unknown dtype {name}");

    private static byte[] NpyBytes(int version, string dict)
    {
        int preamble = version == 1 ? 10 : 12;
        string header = dict.PadRight(((preamble + dict.Length + 1 + 63) / 64 * 64) - preamble - 1) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)version, 0 };
        bytes.AddRange(version == 1 ? BitConverter.GetBytes((ushort)header.Length) : BitConverter.GetBytes(header.Length));
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        return [.. bytes];
    }

    private static byte[] FiniteValues(GoldenDtype dtype, int count)
    {
        var values = Enumerable.Range(0, count * (dtype.DataType is TfDataType.Complex64 or TfDataType.Complex128 ? 2 : 1)).Select(i => (i * 0.75) - 2).ToArray();
        return dtype.DataType switch
        {
            TfDataType.Half => Bytes(values.Select(v => (Half)v).ToArray()),
            TfDataType.BFloat16 => Bytes(values.Select(v => BFloat16.FromSingle((float)v).RawValue).ToArray()),
            TfDataType.Float or TfDataType.Complex64 => Bytes(values.Select(v => (float)v).ToArray()),
            _ => Bytes(values),
        };
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
