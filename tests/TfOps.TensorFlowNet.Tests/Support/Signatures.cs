using System.Reflection;
using System.Runtime.CompilerServices;

namespace TfOps.TensorFlowNet.Tests.Support;

/// <summary>Prints a member in a short C#-like form, for comparing with a hand-written list.</summary>
internal static class Signatures
{
    public static string Of(MemberInfo member) => member switch
    {
        FieldInfo f => $"{Static(f.IsStatic)}field {TypeName(f.FieldType)} {f.Name}",
        PropertyInfo p when p.GetIndexParameters().Length > 0 =>
            $"{Virtual(p.GetMethod!)}property {TypeName(p.PropertyType)} this[{Parameters(p.GetIndexParameters())}]",
        PropertyInfo p => $"{Static(p.GetMethod!.IsStatic)}{Virtual(p.GetMethod!)}property {TypeName(p.PropertyType)} {p.Name}",
        ConstructorInfo c => $".ctor({Parameters(c.GetParameters())})",
        MethodInfo m => $"{Static(m.IsStatic)}{Virtual(m)}{TypeName(m.ReturnType)} {m.Name}{Generics(m)}({Parameters(m.GetParameters())})",
        _ => member.ToString() ?? member.Name,
    };

    public static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }

    private static string Static(bool isStatic) => isStatic ? "static " : "";

    private static string Virtual(MethodInfo method) => method.IsVirtual && !method.IsFinal ? "virtual " : "";

    private static string Generics(MethodInfo method)
    {
        if (!method.IsGenericMethodDefinition)
        {
            return "";
        }

        var parameters = method.GetGenericArguments().Select(t =>
            t.GetCustomAttributes().Any(a => a.GetType().Name == "IsUnmanagedAttribute") ? t.Name + " : unmanaged" : t.Name);
        return $"<{string.Join(", ", parameters)}>";
    }

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
    {
        string prefix = p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "";
        string text = $"{prefix}{TypeName(p.ParameterType)} {p.Name}";
        return p.HasDefaultValue ? $"{text} = {Literal(p.DefaultValue)}" : text;
    }));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "null",
    };
}
