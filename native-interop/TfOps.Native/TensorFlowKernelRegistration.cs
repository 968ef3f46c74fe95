namespace TfOps.Native;

/// <summary>What <see cref="TensorFlowKernelPlugin.Register"/> installed in TensorFlow.</summary>
public sealed class TensorFlowKernelRegistration
{
    internal TensorFlowKernelRegistration(string libraryPath, int priority, string? label, IReadOnlyList<TfDataType> dataTypes, int maxThreads)
    {
        LibraryPath = libraryPath;
        Priority = priority;
        Label = label;
        DataTypes = dataTypes;
        MaxThreads = maxThreads;
    }

    /// <summary>The library the C kernel API was resolved from (the path or name that loaded).</summary>
    public string LibraryPath { get; }

    /// <summary>The priority every registration carries.</summary>
    public int Priority { get; }

    /// <summary>The kernel label, or null when the kernel serves unlabeled nodes.</summary>
    public string? Label { get; }

    /// <summary>The dtypes registered, one kernel builder each, in the op's order.</summary>
    public IReadOnlyList<TfDataType> DataTypes { get; }

    /// <summary>The thread cap each compute inside TensorFlow runs with.</summary>
    public int MaxThreads { get; }
}
