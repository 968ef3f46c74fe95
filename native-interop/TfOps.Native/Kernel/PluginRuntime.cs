using TfOps.Native.Interop;

namespace TfOps.Native.Kernel;

/// <summary>
/// What the static callbacks need and cannot receive as arguments: the function table and the
/// compute options. One immutable snapshot swapped atomically, so a callback never sees a table
/// from one registration and options from another.
/// </summary>
internal static class PluginRuntime
{
    private static volatile Snapshot? s_current;

    /// <summary>The installed snapshot; null before registration (TensorFlow cannot call a kernel then).</summary>
    public static Snapshot? Current => s_current;

    /// <summary>Installs the table before any builder is registered, so the first compute finds it.</summary>
    public static void Install(KernelApi api, KernelOptions computeOptions) => s_current = new Snapshot(api, computeOptions);

    /// <summary>Forgets the table (test seam only: a real TensorFlow keeps calling registered kernels).</summary>
    internal static void Reset() => s_current = null;

    /// <summary>The function table and the options every compute passes to the kernel.</summary>
    internal sealed record Snapshot(KernelApi Api, KernelOptions ComputeOptions);
}
