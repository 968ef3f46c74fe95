using System.Globalization;

namespace TfOps.Native.Registration;

/// <summary>
/// Options validated and normalized (dtypes in the op's order without duplicates, an empty label as
/// none, the thread cap resolved), so that two calls asking for the same thing compare equal.
/// </summary>
internal sealed record RegistrationRequest(string? LibraryPath, int Priority, string? Label, IReadOnlyList<TfDataType> DataTypes, int MaxThreads)
{
    /// <summary>The environment variable that sets the thread cap inside TensorFlow when the options do not.</summary>
    public const string ThreadsVariable = "TFOPS_NUM_THREADS";

    /// <summary>Validates <paramref name="options"/>; InvalidArgument for values TensorFlow or the kernel would reject.</summary>
    public static RegistrationRequest From(TensorFlowKernelOptions? options)
    {
        options ??= new TensorFlowKernelOptions();
        if (options.Priority < 1)
        {
            throw Invalid($"Priority must be at least 1 (TensorFlow's own kernel has 0, and a tie fails at run time), got {options.Priority}");
        }

        if (options.MaxThreads is < 1)
        {
            throw Invalid($"MaxThreads must be at least 1, got {options.MaxThreads}");
        }

        if (options.Label?.Contains('\0', StringComparison.Ordinal) == true)
        {
            throw Invalid("Label must not contain NUL characters");
        }

        return new RegistrationRequest(
            string.IsNullOrWhiteSpace(options.LibraryPath) ? null : options.LibraryPath,
            options.Priority,
            string.IsNullOrEmpty(options.Label) ? null : options.Label,
            NormalizeTypes(options.DataTypes),
            options.MaxThreads ?? ThreadsFromEnvironment());
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
                throw Invalid(TfDataTypes.NotAllowedMessage(TfDataTypes.CppName(dtype)));
            }
        }

        TfDataType[] ordered = [.. TfDataTypes.BiasAddGradTypes.Where(requested.Contains)];
        return ordered.Length > 0 ? ordered : throw Invalid("DataTypes must name at least one dtype");
    }

    private static int ThreadsFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(ThreadsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : 1;

    private static TfOpsException Invalid(string message) => new(TfCode.InvalidArgument, message);
}
