using Tensorflow;
using Tensorflow.Eager;

namespace TfOps.TensorFlowNet.Tests.FakeRuntime;

/// <summary>
/// The ops the fake TensorFlow knows: their inputs' type attrs (from TensorFlow's OpDefs), their
/// naive eager kernels and their graph-time output shapes.
/// </summary>
internal static class OpCatalog
{
    private static readonly Dictionary<string, OpDef> s_ops = new()
    {
        ["BiasAdd"] = new(["T", "T"], ["data_format"], (x, a) => NaiveKernels.BiasAdd(x[0], x[1], (string)a["data_format"]), (x, _) => x[0].shape),
        ["BiasAddV1"] = new(["T", "T"], [], (x, _) => NaiveKernels.BiasAdd(x[0], x[1], "NHWC"), (x, _) => x[0].shape),
        ["BiasAddGrad"] = new(["T"], ["data_format"], (x, a) => NaiveKernels.BiasAddGrad(x[0], (string)a["data_format"]), (x, a) => NaiveKernels.BiasAddGradShape(x[0].shape, (string)a["data_format"])),
        ["Reshape"] = new(["T", "Tshape"], [], (x, _) => NaiveKernels.Reshape(x[0], x[1]), (x, _) => NaiveKernels.ReshapeShape(x[1])),
        ["Tile"] = new(["T", "Tmultiples"], [], (x, _) => NaiveKernels.Tile(x[0], x[1]), (x, _) => NaiveKernels.TileShape(x[0].shape, x[1])),
    };

    public static OpDef Get(string opType) =>
        s_ops.TryGetValue(opType, out var def) ? def : throw new NotSupportedException($"fake runtime: op {opType} is not modelled");

    /// <param name="InputTypeAttrs">The type attr of each input, in the OpDef's input order.</param>
    /// <param name="Attrs">The non-inferred attrs the OpDef declares (data_format defaults to "NHWC").</param>
    internal sealed record OpDef(
        string[] InputTypeAttrs,
        string[] Attrs,
        Func<EagerTensor[], IReadOnlyDictionary<string, object>, EagerTensor> Kernel,
        Func<Tensor[], IReadOnlyDictionary<string, object>, Shape> GraphShape)
    {
        /// <summary>An attr passed as null takes the OpDef's default (SetOpAttrWithDefaults skips null values).</summary>
        public IReadOnlyDictionary<string, object> WithDefaults(IReadOnlyDictionary<string, object> attrs) =>
            Attrs.ToDictionary(name => name, name => attrs.GetValueOrDefault(name) ?? "NHWC");

        /// <summary>
        /// The attrs the fast path hands to RecordGradient: the passed attrs the OpDef knows, then each
        /// input's type attr (AddInputToOp adds it once per single input, so BiasAdd's "T" twice).
        /// </summary>
        public object[] FlattenedAttrs(IReadOnlyDictionary<string, object> attrs, Tensor[] inputs)
        {
            var flattened = new List<object>();
            foreach (var (name, value) in attrs)
            {
                if (Attrs.Contains(name))
                {
                    flattened.Add(name);
                    flattened.Add(value);
                }
            }

            for (int i = 0; i < InputTypeAttrs.Length; i++)
            {
                flattened.Add(InputTypeAttrs[i]);
                flattened.Add(inputs[i].dtype);
            }

            return [.. flattened];
        }
    }
}
