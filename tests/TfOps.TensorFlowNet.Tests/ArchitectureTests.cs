using System.Reflection;

namespace TfOps.TensorFlowNet.Tests;

/// <summary>Every decision lives in code with no TensorFlow.NET types; only the thin layer touches them.</summary>
public sealed class ArchitectureTests
{
    private const string PlanningNamespace = "TfOps.TensorFlowNet.Planning";

    [Test]
    public void PlanningTypes_NeverMentionTensorFlowNetTypes()
    {
        var planning = typeof(TfOpsGradients).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(PlanningNamespace, StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(planning, Has.Count.GreaterThan(5));

        var offenders = planning
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => TypesUsedBy(m).Select(used => (Member: $"{t.Name}.{m.Name}", Used: used))))
            .Where(x => IsTensorFlowNet(x.Used))
            .Select(x => $"{x.Member} uses {x.Used.FullName}");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void PublicApi_HasNoTensorFlowNetTypes_SoItIsTheSameAgainstTheRealPackage()
    {
        var offenders = typeof(TfOpsGradients).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers().SelectMany(TypesUsedBy).Where(IsTensorFlowNet).Select(u => $"{t.Name} uses {u.FullName}"));
        Assert.That(offenders, Is.Empty);
    }

    private static bool IsTensorFlowNet(Type type) =>
        type.Assembly.GetName().Name == "Tensorflow.Binding" ||
        (type.IsGenericType && type.GetGenericArguments().Any(IsTensorFlowNet)) ||
        (type.HasElementType && IsTensorFlowNet(type.GetElementType()!));

    private static IEnumerable<Type> TypesUsedBy(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodBase m => m.GetParameters().Select(p => p.ParameterType).Concat(m is MethodInfo mi ? [mi.ReturnType] : []),
        _ => [],
    };
}
