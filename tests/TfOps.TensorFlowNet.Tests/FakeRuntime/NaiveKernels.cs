using Tensorflow;
using Tensorflow.Eager;
using Tensorflow.StandIn;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// The fake TensorFlow's CPU kernels: plain loops over bytes (sums through <see cref="Naive"/>), with
/// TensorFlow's checks and texts (bias_op.cc, reshape_op.h, tile_ops.cc) for what the tests reach.
/// Independent of TfOps, so a comparison with them is a comparison with a separate implementation.
/// </summary>
internal static class NaiveKernels
{
    // BiasAddGrad's OpDef list for T, as TF_DataType numbers.
    private static readonly HashSet<int> s_biasAddGradTypes = [1, 2, 3, 4, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22, 23];

    public static EagerTensor BiasAddGrad(EagerTensor outBackprop, string dataFormat)
    {
        var dtype = DTypes.Base(outBackprop.dtype);
        if (!s_biasAddGradTypes.Contains((int)dtype))
        {
            throw KernelStatus.Invalid($"Value for attr 'T' of {dtype} is not in the list of allowed values (fake runtime)");
        }

        var format = Format(dataFormat);
        var dims = outBackprop.shape.dims;
        RequireRank2(dims);
        var output = Naive.BiasGrad(Kernel(dtype), outBackprop.BufferToArray(), dims, format);
        return EagerTensor.FromRuntime(output, new Shape(Naive.Channels(dims, format)), dtype);
    }

    public static EagerTensor BiasAdd(EagerTensor value, EagerTensor bias, string dataFormat)
    {
        var format = Format(dataFormat);
        var dims = value.shape.dims;
        RequireRank2(dims);
        if (bias.shape.ndim != 1 || bias.shape.dims[0] != Naive.Channels(dims, format))
        {
            throw KernelStatus.Invalid($"Must provide as many biases as the channel dimension of the input tensor: {bias.shape} vs. {value.shape}");
        }

        var dtype = DTypes.Base(value.dtype);
        var output = Naive.BiasAdd(Kernel(dtype), value.BufferToArray(), bias.BufferToArray(), dims, format);
        return EagerTensor.FromRuntime(output, value.shape, dtype);
    }

    public static EagerTensor Reshape(EagerTensor tensor, EagerTensor shapeTensor)
    {
        long count = Count(tensor.shape.dims);
        var dims = Longs(shapeTensor);
        int unknown = Array.IndexOf(dims, -1L);
        if (unknown >= 0)
        {
            long known = dims.Where(d => d >= 0).Aggregate(1L, (a, b) => a * b);
            dims[unknown] = known == 0 ? 0 : count / known;
        }

        return Count(dims) == count
            ? EagerTensor.FromRuntime(tensor.BufferToArray(), new Shape(dims), DTypes.Base(tensor.dtype))
            : throw KernelStatus.Invalid($"Input to reshape is a tensor with {count} values, but the requested shape has {Count(dims)}");
    }

    public static EagerTensor Tile(EagerTensor input, EagerTensor multiplesTensor)
    {
        var inDims = input.shape.dims;
        var multiples = Longs(multiplesTensor);
        if (multiples.Length != inDims.Length)
        {
            throw KernelStatus.Invalid($"Expected multiples argument to be a vector of length {inDims.Length} but got length {multiples.Length}");
        }

        var outDims = inDims.Select((d, i) => d * multiples[i]).ToArray();
        int size = DTypes.ElementSize(input.dtype);
        var source = input.BufferToArray();
        long count = Count(outDims);
        var output = new byte[count * size];
        for (long flat = 0; flat < count; flat++)
        {
            long rest = flat, sourceIndex = 0, stride = 1;
            for (int axis = outDims.Length - 1; axis >= 0; axis--)
            {
                long coordinate = rest % outDims[axis];
                rest /= outDims[axis];
                sourceIndex += coordinate % inDims[axis] * stride;
                stride *= inDims[axis];
            }

            Array.Copy(source, sourceIndex * size, output, flat * size, size);
        }

        return EagerTensor.FromRuntime(output, new Shape(outDims), DTypes.Base(input.dtype));
    }

    /// <summary>A tensor of ones or zeros (TapeTensor.OnesLike / ZerosLike).</summary>
    public static EagerTensor Fill(TF_DataType dtype, Shape shape, bool ones)
    {
        var dt = Kernel(DTypes.Base(dtype));
        int size = DTypes.ElementSize(dtype);
        long count = Count(shape.dims);
        var output = new byte[count * size];
        if (ones)
        {
            var one = new byte[size];
            if (TestData.IsFloating(dt))
            {
                TestData.WriteWhole(dt, one.AsSpan(0, TestData.IsComplex(dt) ? size / 2 : size), 1);
            }
            else
            {
                one[0] = 1;
            }

            for (long i = 0; i < count; i++)
            {
                one.CopyTo(output, i * size);
            }
        }

        return EagerTensor.FromRuntime(output, shape, DTypes.Base(dtype));
    }

    public static Shape BiasAddGradShape(Shape input, string dataFormat) =>
        input.ndim >= 2 && dataFormat is "NHWC" or "NCHW"
            ? new Shape(dataFormat == "NCHW" ? input.dims[1] : input.dims[^1])
            : new Shape(-1L);

    public static Shape ReshapeShape(Tensor shapeTensor) =>
        ConstValue(shapeTensor) is { } dims ? new Shape(dims) : new Shape(-1L);

    public static Shape TileShape(Shape input, Tensor multiples) =>
        ConstValue(multiples) is { } m
            ? new Shape(input.dims.Select((d, i) => d < 0 ? -1 : d * m[i]).ToArray())
            : new Shape(input.dims.Select(_ => -1L).ToArray());

    private static long[]? ConstValue(Tensor tensor) =>
        tensor.op?.type == "Const" && tensor.op.get_attr("value") is Array values ? values.Cast<object>().Select(Convert.ToInt64).ToArray() : null;

    private static long[] Longs(EagerTensor tensor) => DTypes.Base(tensor.dtype) switch
    {
        TF_DataType.TF_INT32 => Array.ConvertAll(tensor.ToArray<int>(), v => (long)v),
        TF_DataType.TF_INT64 => tensor.ToArray<long>(),
        var other => throw KernelStatus.Invalid($"shape and multiples must be int32 or int64, got {other}"),
    };

    private static DataFormat Format(string dataFormat) => dataFormat switch
    {
        "NHWC" => DataFormat.NHWC,
        "NCHW" => DataFormat.NCHW,
        _ => throw KernelStatus.Invalid($"Value for attr 'data_format' of \"{dataFormat}\" is not in the list of allowed values: \"NHWC\", \"NCHW\""),
    };

    private static void RequireRank2(long[] dims)
    {
        if (dims.Length < 2)
        {
            throw KernelStatus.Invalid($"Input tensor must be at least 2D: [{string.Join(",", dims)}]");
        }
    }

    private static TfDataType Kernel(TF_DataType dtype) => (TfDataType)(int)dtype;

    private static long Count(long[] dims) => dims.Aggregate(1L, (a, b) => a * b);
}
