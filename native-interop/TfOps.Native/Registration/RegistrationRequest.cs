using System.Globalization;

namespace TfOps.Native.Registration;

/// <summary>
/// Options validated and normalized (dtypes in the op's order without duplicates, an empty label as
/// none, the thread cap resolved), so that two calls asking for the same thing compare equal.
/// </summary>
internal sealed record RegistrationRequest(string? LibraryPath, int Priority, string? Label, IReadOnlyList<TfDataType> DataTypes, int MaxThreads)
{
    /// <summary>Normalizes <paramref name="options"/> (whose scalar values were checked when set); ArgumentException for bad DataTypes.</summary>
    public static RegistrationRequest From(TensorFlowKernelOptions? options)
    {
        options ??= new TensorFlowKernelOptions();
        return new RegistrationRequest(
            string.IsNullOrWhiteSpace(options.LibraryPath) ? null : options.LibraryPath,
            options.Priority,
            string.IsNullOrEmpty(options.Label) ? null : options.Label,
            NormalizeTypes(options.DataTypes),
            options.MaxThreads ?? KernelOptions.EnvironmentMaxThreads ?? 1);
    }

    /// <summary>
    /// True when <paramref name="later"/> asks for what is already registered. A later call without
    /// a library path accepts whichever library was loaded.
    /// </summary>
    public bool Accepts(RegistrationRequest later, string loadedLibrary) =>
        Priority == later.Priority
        && Label == later.Label
        && MaxThreads == later.MaxThreads
        && DataTypes.SequenceEqual(later.DataTypes)
        && (later.LibraryPath is null || later.LibraryPath == LibraryPath || later.LibraryPath == loadedLibrary);

    /// <summary>A one-line description, for the FailedPrecondition message.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LibraryPath={LibraryPath ?? "(default)"}, Priority={Priority}, Label={Label ?? "(none)"}, MaxThreads={MaxThreads}, DataTypes=[{string.Join(", ", DataTypes.Select(TfDataTypes.CppName))}]");

    private static IReadOnlyList<TfDataType> NormalizeTypes(IReadOnlyList<TfDataType>? requested)
    {
        if (requested is null)
        {
            return TfDataTypes.BiasAddGradTypes;
        }

        foreach (TfDataType dtype in requested)
        {
            if (!TfDataTypes.IsBiasAddGradType(dtype))
            {
                throw Invalid($"{TfDataTypes.CppName(dtype)} is not one of BiasAddGrad's dtypes");
            }
        }

        TfDataType[] ordered = [.. TfDataTypes.BiasAddGradTypes.Where(requested.Contains)];
        return ordered.Length > 0 ? ordered : throw Invalid("DataTypes must name at least one dtype");
    }

    private static ArgumentException Invalid(string message) => new(message, nameof(TensorFlowKernelOptions.DataTypes));
}
