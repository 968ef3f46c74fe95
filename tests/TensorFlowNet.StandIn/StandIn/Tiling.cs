// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.
using Tensorflow.Eager;

namespace Tensorflow.StandIn;

/// <summary>Stand-in only: eager Reshape and Tile on raw bytes (TensorFlow's kernels do this natively).</summary>
internal static class Tiling
{
    public static Shape ResolveReshape(Shape from, Shape to)
    {
        long count = DTypes.ElementCount(from);
        var dims = (long[])to.dims.Clone();
        int unknown = Array.IndexOf(dims, -1L);
        if (unknown >= 0)
        {
            long known = dims.Where(d => d >= 0).Aggregate(1L, (a, b) => a * b);
            dims[unknown] = known == 0 ? 0 : count / known;
        }

        var result = new Shape(dims);
        return DTypes.ElementCount(result) == count
            ? result
            : throw new InvalidArgumentError($"Input to reshape is a tensor with {count} values, but the requested shape has {DTypes.ElementCount(result)}");
    }

    public static long[] Multiples(Tensor multiples) => DTypes.Base(multiples.dtype) switch
    {
        TF_DataType.TF_INT32 => Array.ConvertAll(multiples.ToArray<int>(), m => (long)m),
        TF_DataType.TF_INT64 => multiples.ToArray<long>(),
        var other => throw new InvalidArgumentError($"Tile multiples must be int32 or int64, got {other}"),
    };

    public static Shape TiledShape(Shape input, Tensor multiples)
    {
        if (multiples.op?.type == "Const" && multiples.op.get_attr("value") is Array values)
        {
            var m = values.Cast<object>().Select(Convert.ToInt64).ToArray();
            return new Shape(input.dims.Select((d, i) => d < 0 ? -1 : d * m[i]).ToArray());
        }

        return new Shape(input.dims.Select(_ => -1L).ToArray());
    }

    public static EagerTensor Tile(Tensor input, long[] multiples)
    {
        var inDims = input.shape.dims;
        if (multiples.Length != inDims.Length)
        {
            throw new InvalidArgumentError($"Expected multiples argument to be a vector of length {inDims.Length} but got length {multiples.Length}");
        }

        var outDims = inDims.Select((d, i) => d * multiples[i]).ToArray();
        int size = DTypes.ElementSize(input.dtype);
        var source = input.BufferToArray();
        long count = outDims.Aggregate(1L, (a, b) => a * b);
        var output = new byte[count * size];
        var coords = new long[outDims.Length];
        for (long flat = 0; flat < count; flat++)
        {
            long rest = flat, sourceIndex = 0, stride = 1;
            for (int axis = outDims.Length - 1; axis >= 0; axis--)
            {
                coords[axis] = rest % outDims[axis];
                rest /= outDims[axis];
                sourceIndex += coords[axis] % inDims[axis] * stride;
                stride *= inDims[axis];
            }

            Array.Copy(source, sourceIndex * size, output, flat * size, size);
        }

        return new EagerTensor(output, new Shape(outDims), DTypes.Base(input.dtype));
    }
}
