using System.Runtime.InteropServices;
using TfOps.Kernels;

namespace TfOps;

/// <summary>
/// TensorFlow's <c>BiasAddGrad</c>: sums <c>out_backprop</c> over every axis except the channel axis
/// (last for NHWC, axis 1 for NCHW), giving one value per channel.
/// </summary>
/// <remarks>
/// Every overload runs the same path: <see cref="Validate(TfDataType, ReadOnlySpan{long}, DataFormat)"/>,
/// the buffer lengths, then the kernel for the dtype's storage type (<see cref="TfDataTypes.Accept{TVisitor, TResult}"/>).
/// </remarks>
public static partial class BiasAddGrad
{
    /// <summary>
    /// Computes the bias gradient of <paramref name="outBackprop"/> (shape <paramref name="shape"/>)
    /// into <paramref name="output"/>, which holds exactly C elements.
    /// </summary>
    /// <typeparam name="T">float, double, Half, BFloat16, Complex64, System.Numerics.Complex, sbyte,
    /// byte, short, ushort, int, uint, long or ulong (quantized dtypes go through the raw-bytes overload).</typeparam>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute<T>(ReadOnlySpan<T> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<T> output)
        where T : unmanaged =>
        Compute(outBackprop, shape, format, output, options: null);

    /// <summary>As <see cref="Compute{T}(ReadOnlySpan{T}, ReadOnlySpan{long}, DataFormat, Span{T})"/>, with per-call options.</summary>
    public static void Compute<T>(ReadOnlySpan<T> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<T> output, KernelOptions? options)
        where T : unmanaged
    {
        if (!TfDataTypes.TryFromElementType<T>(out var dtype))
        {
            ValidationErrors.NotAllowedType(typeof(T));
        }

        var validated = Validate(dtype, shape, format);
        if (outBackprop.Length != validated.ElementCount)
        {
            ValidationErrors.InputLength(outBackprop.Length, "elements", shape, validated.ElementCount);
        }

        if (output.Length != validated.Channels)
        {
            ValidationErrors.OutputElements(output.Length, shape, validated.Channels);
        }

        KernelDispatch.Run(outBackprop, validated, output, MaxThreads(options));
    }

    /// <summary>
    /// Computes the bias gradient from raw little-endian bytes of any of the op's 19 dtypes, the
    /// quantized ones included (summed as their storage integers, with wrap-around).
    /// </summary>
    /// <exception cref="TfOpsException">InvalidArgument, with TensorFlow's text where it has one.</exception>
    public static void Compute(TfDataType dtype, ReadOnlySpan<byte> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output) =>
        Compute(dtype, outBackprop, shape, format, output, options: null);

    /// <summary>As <see cref="Compute(TfDataType, ReadOnlySpan{byte}, ReadOnlySpan{long}, DataFormat, Span{byte})"/>, with per-call options.</summary>
    public static void Compute(TfDataType dtype, ReadOnlySpan<byte> outBackprop, ReadOnlySpan<long> shape, DataFormat format, Span<byte> output, KernelOptions? options)
    {
        var validated = Validate(dtype, shape, format);
        if (outBackprop.Length != validated.InputByteCount)
        {
            ValidationErrors.InputLength(outBackprop.Length, "bytes", shape, validated.InputByteCount);
        }

        if (output.Length != validated.OutputByteCount)
        {
            ValidationErrors.OutputBytes(output.Length, shape, validated.OutputByteCount, validated.Channels);
        }

        var run = new BytesRun(outBackprop, validated, output, MaxThreads(options));
        TfDataTypes.Accept<BytesRun, bool>(dtype, ref run);
    }

    private static int MaxThreads(KernelOptions? options) => options?.MaxThreads ?? KernelOptions.DefaultMaxThreads;

    /// <summary>The raw-bytes overload's visit: the bytes reinterpreted as the storage type, never converted.</summary>
    private readonly ref struct BytesRun(ReadOnlySpan<byte> input, BiasAddGradShape shape, Span<byte> output, int threads) : IDataTypeVisitor<bool>
    {
        private readonly ReadOnlySpan<byte> _input = input;
        private readonly Span<byte> _output = output;

        public bool Visit<T>()
            where T : unmanaged
        {
            KernelDispatch.Run(MemoryMarshal.Cast<byte, T>(_input), shape, MemoryMarshal.Cast<byte, T>(_output), threads);
            return true;
        }
    }
}
