using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TfOps;

/// <summary>
/// Every InvalidArgument text the op produces, in one place: TensorFlow's own wording where TensorFlow
/// has one (bias_op.cc, the OpDef's attr validation), TfOps's where it checks more (buffer lengths).
/// Throws live here so that callers stay small.
/// </summary>
internal static class ValidationErrors
{
    /// <summary>TensorFlow's list of allowed values for attr T, in the OpDef's order.</summary>
    private static readonly string s_allowedTypes = string.Join(", ", TfDataTypes.BiasAddGradTypes.Select(TfDataTypes.CppName));

    /// <summary>TensorFlow's attr-validation text for a dtype outside the op's list.</summary>
    public static string NotAllowedTypeMessage(string typeName) =>
        $"Value for attr 'T' of {typeName} is not in the list of allowed values: {s_allowedTypes}";

    /// <summary>TensorFlow's attr-validation text for a rejected data_format value.</summary>
    public static string NotAllowedFormatMessage(string? value) =>
        $"Value for attr 'data_format' of \"{value}\" is not in the list of allowed values: \"NHWC\", \"NCHW\"";

    /// <summary>TensorFlow's shape text: <c>[d0,d1,...]</c>, <c>[]</c> for a scalar.</summary>
    public static string ShapeText(ReadOnlySpan<long> shape)
    {
        var text = new System.Text.StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(']').ToString();
    }

    [DoesNotReturn, StackTraceHidden]
    public static void NotAllowedType(TfDataType dtype) => throw Invalid(NotAllowedTypeMessage(TfDataTypes.CppName(dtype)));

    [DoesNotReturn, StackTraceHidden]
    public static void NotAllowedType(Type elementType) => throw Invalid(NotAllowedTypeMessage(elementType.FullName ?? elementType.Name));

    [DoesNotReturn, StackTraceHidden]
    public static void NotAllowedFormat(string? value) => throw Invalid(NotAllowedFormatMessage(value));

    [DoesNotReturn, StackTraceHidden]
    public static void NotAllowedFormat(DataFormat format) => NotAllowedFormat(((int)format).ToString(CultureInfo.InvariantCulture));

    [DoesNotReturn, StackTraceHidden]
    public static void RankBelowTwo(ReadOnlySpan<long> shape) => throw Invalid($"Input tensor must be at least 2D: {ShapeText(shape)}");

    [DoesNotReturn, StackTraceHidden]
    public static void NegativeDim(long dim, ReadOnlySpan<long> shape) => throw Invalid($"Dimension {dim} must be >= 0 in shape {ShapeText(shape)}");

    [DoesNotReturn, StackTraceHidden]
    public static void TooManyElements() => throw Invalid("BiasGrad requires tensor size <= int32 max");

    [DoesNotReturn, StackTraceHidden]
    public static void ComplexTooLarge(long elements) =>
        throw Invalid($"complex tensors above {int.MaxValue / 2} elements are not supported (got {elements})");

    [DoesNotReturn, StackTraceHidden]
    public static void InputLength(long have, string unit, ReadOnlySpan<long> shape, long need) =>
        throw Invalid($"outBackprop holds {have} {unit} but shape {ShapeText(shape)} needs {need}");

    [DoesNotReturn, StackTraceHidden]
    public static void OutputElements(long have, ReadOnlySpan<long> shape, long channels) =>
        throw Invalid($"output holds {have} elements but shape {ShapeText(shape)} has {channels} channels");

    [DoesNotReturn, StackTraceHidden]
    public static void OutputBytes(long have, ReadOnlySpan<long> shape, long need, long channels) =>
        throw Invalid($"output holds {have} bytes but shape {ShapeText(shape)} needs {need} ({channels} channels)");

    [DoesNotReturn, StackTraceHidden]
    public static void BroadcastGradientBytes(long have, ReadOnlySpan<long> shape, long channels, int elementSize) =>
        throw Invalid($"gradient holds {have} bytes but shape {ShapeText(shape)} has {channels} channels of {elementSize} bytes");

    [DoesNotReturn, StackTraceHidden]
    public static void BroadcastOutputBytes(long have, ReadOnlySpan<long> shape, long need) =>
        throw Invalid($"output holds {have} bytes but shape {ShapeText(shape)} needs {need}");

    private static TfOpsException Invalid(string message) => new(TfCode.InvalidArgument, message);
}
