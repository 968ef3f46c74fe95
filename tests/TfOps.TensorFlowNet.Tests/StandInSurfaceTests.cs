using System.Collections;
using System.Reflection;
using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// The stand-in declares every member that ../shared/reference/tensorflow-net-api.md lists, with
/// TensorFlow.NET's namespaces, names and signatures. The list below is written by hand from that
/// document; where it names a member without a signature (tf.reshape, tf.tile, tf.reduce_sum,
/// tf.GradientTape, tf.gradients) only the name is checked.
/// </summary>
public sealed class StandInSurfaceTests
{
    private static readonly Assembly StandIn = typeof(ops).Assembly;

    private static readonly (string Type, string Kind, string? Base, string[] Members)[] Expected =
    [
        ("Tensorflow.ops", "class", null,
        [
            "static field Dictionary<String, Func<Operation, Tensor[], Tensor[]>> gradientFunctions",
            "static Void RegisterGradientFunction(String name, Func<Operation, Tensor[], Tensor[]> func)",
            "static Void RegisterFromAssembly()",
            "static Void RegisterNoGradientFunction(String name)",
            "static Func<Operation, Tensor[], Tensor[]> get_gradient_function(Operation op)",
        ]),
        ("Tensorflow.Operation", "class", null,
        [
            "property String type",
            "property String name",
            "virtual Object get_attr(String name)",
            "virtual T get_attr<T>(String name)",
            "virtual property InputList inputs",
            "virtual property Tensor[] outputs",
        ]),
        ("Tensorflow.Eager.EagerOperation", "class", "Tensorflow.Operation",
        [
            "virtual Object get_attr(String name)",
        ]),
        ("Tensorflow.Tensor", "class", null,
        [
            "property TF_DataType dtype",
            "property Shape shape",
            "virtual T[] ToArray<T : unmanaged>()",
            "virtual property IntPtr TensorDataPointer",
            "property IntPtr buffer",
            "Byte[] BufferToArray()",
        ]),
        ("Tensorflow.Eager.EagerTensor", "class", "Tensorflow.Tensor",
        [
            ".ctor(Array array, Shape shape)",
            ".ctor(Byte[] bytes, Shape shape, TF_DataType dtype)",
            ".ctor(IntPtr data_ptr, Shape shape, TF_DataType dtype)",
            ".ctor(Shape shape, TF_DataType dtype)",
        ]),
        ("Tensorflow.Shape", "class", null,
        [
            ".ctor(params Int64[] dims)",
            ".ctor(params Int32[] dims)",
            "property Int64[] dims",
            "property Int32 ndim",
            "static Shape op_Implicit(Int64[] dims)",
            "static Shape op_Implicit(Int32[] dims)",
            "static Shape op_Implicit(Int32 dim)",
        ]),
        ("Tensorflow.InputList", "class", null,
        [
            "property Tensor this[Int32 index]",
            "property Int32 Length",
        ]),
        ("Tensorflow.gen_nn_ops", "static class", null,
        [
            "static Tensor bias_add_grad(Tensor out_backprop, String data_format = \"NHWC\", String name = null)",
            "static Tensor bias_add(Tensor value, Tensor bias, String data_format = \"NHWC\", String name = null)",
        ]),
        ("Tensorflow.Binding", "static class", null,
        [
            "static property tensorflow tf",
        ]),
        ("Tensorflow.tensorflow", "class", null,
        [
            "Boolean executing_eagerly()",
            "Tensor constant(Object value, TF_DataType dtype = DtInvalid, Shape shape = null, String name = \"Const\")",
            "name:reshape",
            "name:tile",
            "name:reduce_sum",
            "name:GradientTape",
            "name:gradients",
        ]),
        ("Tensorflow.TF_DataType", "enum", null, []),
        ("Tensorflow.TensorflowException", "class", "System.Exception", []),
        ("Tensorflow.InvalidArgumentError", "class", "Tensorflow.TensorflowException", []),
        ("Tensorflow.OutOfRangeError", "class", "Tensorflow.TensorflowException", []),
        ("Tensorflow.Exceptions.NotOkStatusException", "class", "Tensorflow.TensorflowException", []),
    ];

    // Public types the stand-in needs beyond the reference: TensorFlow.NET types the listed members
    // return or use (Axis, GradientTape, the built-in gradient and its attribute), and the clearly
    // separate Tensorflow.StandIn namespace for test-only behaviour.
    private static readonly string[] Supporting =
        ["Tensorflow.Axis", "Tensorflow.Gradients.GradientTape", "Tensorflow.Gradients.RegisterGradient", "Tensorflow.Gradients.nn_grad"];

    private static IEnumerable<TestCaseData> Types() =>
        Expected.Select(e => new TestCaseData(e.Type, e.Kind, e.Base, e.Members).SetArgDisplayNames(e.Type));

    [TestCaseSource(nameof(Types))]
    public void DeclaresTheType_AndEveryListedMember(string typeName, string kind, string? baseName, string[] members)
    {
        var type = StandIn.GetType(typeName);
        Assert.That(type, Is.Not.Null, typeName);
        var declared = type!.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
        var signatures = declared.Select(Signatures.Of).ToHashSet();
        var names = declared.Select(m => m.Name).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(KindOf(type), Is.EqualTo(kind));
            if (baseName is not null)
            {
                Assert.That(type.BaseType?.FullName, Is.EqualTo(baseName));
            }

            foreach (var member in members)
            {
                if (member.StartsWith("name:", StringComparison.Ordinal))
                {
                    Assert.That(names, Does.Contain(member[5..]), typeName);
                }
                else
                {
                    Assert.That(signatures, Does.Contain(member), typeName);
                }
            }
        });
    }

    [Test]
    public void InputListIsEnumerable() => Assert.That(typeof(IEnumerable).IsAssignableFrom(typeof(InputList)), Is.True);

    [Test]
    public void TF_DataType_HasTensorFlowsNumbers_AndReferenceDtypes100Higher()
    {
        var values = Enum.GetValues<TF_DataType>().Select(v => (int)v).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(TF_DataType.DtInvalid, Is.EqualTo((TF_DataType)0));
            Assert.That((int)TF_DataType.TF_FLOAT, Is.EqualTo(1));
            Assert.That((int)TF_DataType.TF_HALF, Is.EqualTo(19));
            Assert.That((int)TF_DataType.TF_UINT64, Is.EqualTo(23));
            Assert.That((int)TF_DataType.DtFloatRef, Is.EqualTo(101));
            Assert.That((int)TF_DataType.DtDoubleRef, Is.EqualTo(102));
            Assert.That((int)TF_DataType.DtInt32Ref, Is.EqualTo(103));
            for (int n = 1; n <= 23; n++)
            {
                Assert.That(values, Does.Contain(n).And.Contain(n + 100), $"dtype {n}");
            }
        });
    }

    [Test]
    public void DeclaresNoOtherPublicTypes_OutsideTheStandInNamespace()
    {
        var allowed = Expected.Select(e => e.Type).Concat(Supporting).ToHashSet();
        var extra = StandIn.GetExportedTypes()
            .Where(t => t.Namespace != "Tensorflow.StandIn" && !allowed.Contains(t.FullName!))
            .Select(t => t.FullName);
        Assert.That(extra, Is.Empty);
    }

    [Test]
    public void EverySourceFile_SaysItIsATestDouble_NeverShipped()
    {
        var folder = StandInSourceFolder();
        if (folder is null)
        {
            Assert.Ignore("The stand-in's sources are not reachable from this build (path-mapped CI build run elsewhere).");
        }

        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.That(sources, Has.Count.GreaterThan(10));

        var unmarked = sources.Where(f => !File.ReadLines(f).First().StartsWith(
            "// Test double of TensorFlow.NET 0.150.0's surface (assembly Tensorflow.Binding); never shipped.", StringComparison.Ordinal));
        Assert.That(unmarked, Is.Empty);
    }

    [Test]
    public void IsTheAssemblyTheAdapterCompilesAgainst() =>
        Assert.That(typeof(TfOpsGradients).Assembly.GetReferencedAssemblies().Select(a => a.Name), Does.Contain("Tensorflow.Binding"));

    // CallerFilePath is path-mapped in CI builds (/_/...), so fall back to walking up from the working directory.
    private static string? StandInSourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var candidates = new[] { Path.Combine(Path.GetDirectoryName(path)!, "..") }
            .Concat(Ancestors(Environment.CurrentDirectory).Select(d => Path.Combine(d, "tests")));
        return candidates
            .Select(c => Path.GetFullPath(Path.Combine(c, "TensorFlowNet.StandIn")))
            .FirstOrDefault(Directory.Exists);
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }

    private static string KindOf(Type type) => type switch
    {
        { IsEnum: true } => "enum",
        { IsClass: true, IsAbstract: true, IsSealed: true } => "static class",
        { IsClass: true } => "class",
        _ => "other",
    };
}
