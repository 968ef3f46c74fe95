using System.Collections;
using System.Reflection;
using Tensorflow;
using TfOps.TensorFlowNet.Tests.Support;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>
/// The stand-in declares the TensorFlow.NET 0.150 members TfOps and its tests use, with TensorFlow.NET's
/// namespaces, names, signatures, defaults and virtuality, and the real assembly's identity. The list
/// below is written by hand from TensorFlow.NET's source (tag v0.150.0-BERT-Model) and
/// ../shared/reference/tensorflow-net-api.md; every member the adapter references must be on it.
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
            "virtual property String name",
            "virtual Object get_attr(String name)",
            "virtual T get_attr<T>(String name)",
            "virtual property InputList inputs",
            "virtual property Tensor[] outputs",
        ]),
        ("Tensorflow.Eager.EagerOperation", "class", "Tensorflow.Operation",
        [
            ".ctor()",
            "property String Name",
            "property Tensor[] Inputs",
            "property Tensor[] Outputs",
            "property Int64[] SkipInputIndices",
            "property Object[] Attrs",
            "virtual Object get_attr(String attr_name)",
        ]),
        ("Tensorflow.DisposableObject", "abstract class", null,
        [
            "Void Dispose()",
        ]),
        ("Tensorflow.Tensor", "class", "Tensorflow.DisposableObject",
        [
            "virtual property TF_DataType dtype",
            "property Shape shape",
            "property Operation op",
            "virtual T[] ToArray<T : unmanaged>()",
            "virtual property IntPtr TensorDataPointer",
            "virtual property IntPtr buffer",
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
        ("Tensorflow.Axis", "class", null,
        [
            ".ctor(params Int32[] axis)",
            "property Int32[] axis",
            "static Axis op_Implicit(Int32 axis)",
            "static Axis op_Implicit(Int32[] axis)",
            "static Boolean op_Equality(Axis left, Int32 right)",
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
            "property IEagerRunner Runner",
            "Boolean executing_eagerly()",
            "Tensor constant(Object value, TF_DataType dtype = DtInvalid, Shape shape = null, String name = \"Const\")",
            "Tensor reshape(Tensor tensor, Shape shape, String name = null)",
            "Tensor tile(Tensor input, Tensor multiples, String name = null)",
            "Tensor reduce_sum(Tensor input, Axis axis = null, Axis reduction_indices = null, Boolean keepdims = false, String name = null)",
            "GradientTape GradientTape(Boolean persistent = false, Boolean watch_accessed_variables = true)",
            "Tensor[] gradients(Tensor ys, Tensor[] xs, Tensor[] grad_ys = null, String name = \"gradients\", Boolean colocate_gradients_with_ops = false, " +
                "Boolean gate_gradients = false, Int32? aggregation_method = null, Tensor[] stop_gradients = null)",
        ]),
        ("Tensorflow.Eager.IEagerRunner", "interface", null,
        [
            "virtual Boolean RecordGradient(String op_name, Tensor[] inputs, Object[] attrs, Tensor[] results, BackwardFunction getBackwardFunction = null)",
            "virtual Boolean MustRecordGradient()",
        ]),
        ("Tensorflow.BackwardFunction", "delegate", "System.MulticastDelegate",
        [
            ".ctor(Object object, IntPtr method)",
            "virtual Tensor[] Invoke(Tensor[] grads, Int64[] unneeded_gradients)",
        ]),
        ("Tensorflow.Gradients.GradientTape", "class", null,
        [
            "Void watch(Tensor x)",
            "Tensor gradient(Tensor target, Tensor source, List<Tensor> output_gradients = null, String unconnected_gradients = null)",
            "Void Dispose()",
        ]),
        ("Tensorflow.Gradients.RegisterGradient", "class", "System.Attribute",
        [
            ".ctor(String name)",
            "property String Name",
        ]),
        ("Tensorflow.Gradients.nn_grad", "class", null,
        [
            "static Tensor[] _BiasAddGrad(Operation op, Tensor[] grads)",
        ]),
        ("Tensorflow.Gradients.math_grad", "class", null,
        [
            "static Tensor[] _IdGrad(Operation op, Tensor[] grads)",
        ]),
        ("Tensorflow.TF_DataType", "enum", null, []),
        ("Tensorflow.TensorflowException", "class", "System.Exception", [".ctor(String message)"]),
        ("Tensorflow.InvalidArgumentError", "class", "Tensorflow.TensorflowException", [".ctor(String message)"]),
        ("Tensorflow.OutOfRangeError", "class", "Tensorflow.TensorflowException", [".ctor(String message)"]),
        ("Tensorflow.LookupError", "class", "Tensorflow.TensorflowException", [".ctor(String message)"]),
        ("Tensorflow.RuntimeError", "class", "Tensorflow.TensorflowException", [".ctor(String message)"]),
        ("Tensorflow.Exceptions.NotOkStatusException", "class", "Tensorflow.TensorflowException", [".ctor(String message)"]),
    ];

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
    public void HasTheRealAssemblysIdentity_SoTheAdapterBindsToTensorFlowNet0150()
    {
        var standIn = StandIn.GetName();
        var referenced = typeof(TfOpsGradients).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Tensorflow.Binding");

        Assert.Multiple(() =>
        {
            Assert.That(standIn.Name, Is.EqualTo("Tensorflow.Binding"));
            Assert.That(standIn.Version, Is.EqualTo(new Version(0, 150, 0, 0)));
            Assert.That(standIn.GetPublicKeyToken(), Is.Empty, "TensorFlow.NET is unsigned");
            Assert.That(referenced.Version, Is.EqualTo(new Version(0, 150, 0, 0)));
            Assert.That(referenced.GetPublicKeyToken(), Is.Null.Or.Empty);
        });
    }

    [Test]
    public void Axis_IsAPlainClass_WithASettableAxis()
    {
        var setter = typeof(Axis).GetProperty(nameof(Axis.axis))!.SetMethod!;
        Assert.Multiple(() =>
        {
            Assert.That(typeof(Axis).GetMethod("<Clone>$"), Is.Null, "not a record");
            Assert.That(typeof(Axis).GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance), Is.Null, "not a record");
            Assert.That(setter.ReturnParameter.GetRequiredCustomModifiers(), Does.Not.Contain(typeof(System.Runtime.CompilerServices.IsExternalInit)), "a plain setter, not init");
        });
    }

    [Test]
    public void RegisterGradient_IsNotSealed_AndIdentityIsInMathGrad()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StandIn.GetType("Tensorflow.Gradients.RegisterGradient")?.IsSealed, Is.False);
            Assert.That(StandIn.GetType("Tensorflow.Gradients.nn_grad")?.GetMethod("_IdGrad"), Is.Null);
            Assert.That(StandIn.GetType("Tensorflow.Gradients.math_grad")?.GetMethod("_IdGrad"), Is.Not.Null);
        });
    }

    /// <summary>
    /// Read from the adapter's metadata: every type and member of Tensorflow.Binding it references is on
    /// the pinned list above, so its signature is checked against TensorFlow.NET's.
    /// </summary>
    [Test]
    public void EveryTensorFlowNetMemberTheAdapterReferences_IsPinnedHere()
    {
        var pinned = Expected.ToDictionary(e => e.Type, e => e.Members.Select(MemberName).ToHashSet());
        var references = AdapterReferences();
        Assert.That(references, Has.Count.GreaterThan(20), "the adapter's references were read");

        // A property accessor is referenced as get_X/set_X: accept the method name or the property name.
        var unpinned = references.Where(r => !pinned.TryGetValue(r.Type, out var members)
                || (r.Member is { } m && !members.Contains(m) && !(m.Length > 4 && m[..4] is "get_" or "set_" && members.Contains(m[4..]))))
            .Select(r => $"{r.Type}::{r.Member}");
        Assert.That(unpinned, Is.Empty);
    }

    private static List<(string Type, string? Member)> AdapterReferences()
    {
        using var stream = File.OpenRead(typeof(TfOpsGradients).Assembly.Location);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        string? FromTensorFlowNet(System.Reflection.Metadata.EntityHandle handle)
        {
            if (handle.Kind != System.Reflection.Metadata.HandleKind.TypeReference)
            {
                return null;
            }

            var type = md.GetTypeReference((System.Reflection.Metadata.TypeReferenceHandle)handle);
            if (type.ResolutionScope.Kind != System.Reflection.Metadata.HandleKind.AssemblyReference
                || md.GetString(md.GetAssemblyReference((System.Reflection.Metadata.AssemblyReferenceHandle)type.ResolutionScope).Name) != "Tensorflow.Binding")
            {
                return null;
            }

            string ns = md.GetString(type.Namespace);
            return (ns.Length == 0 ? "" : ns + ".") + md.GetString(type.Name);
        }

        var references = md.TypeReferences.Select(t => FromTensorFlowNet(t)).OfType<string>().Select(t => (t, (string?)null)).ToList();
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (FromTensorFlowNet(member.Parent) is { } type)
            {
                references.Add((type, md.GetString(member.Name)));
            }
        }

        return references;
    }

    // "virtual property String name" -> name, ".ctor(...)" -> .ctor, "static Void X(...)" -> X, an indexer -> Item.
    private static string MemberName(string signature)
    {
        if (signature.StartsWith(".ctor", StringComparison.Ordinal))
        {
            return ".ctor";
        }

        if (signature.Contains("this[", StringComparison.Ordinal))
        {
            return "Item";
        }

        string head = System.Text.RegularExpressions.Regex.Replace(signature.Split('(')[0], "<[^<>]*(<[^<>]*>[^<>]*)*>", "");
        return head.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
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
        var allowed = Expected.Select(e => e.Type).ToHashSet();
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
        { IsInterface: true } => "interface",
        _ when typeof(MulticastDelegate).IsAssignableFrom(type) => "delegate",
        { IsClass: true, IsAbstract: true, IsSealed: true } => "static class",
        { IsClass: true, IsAbstract: true } => "abstract class",
        { IsClass: true } => "class",
        _ => "other",
    };
}
