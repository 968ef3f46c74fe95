using System.Runtime.InteropServices;

namespace TfOps.Native.Kernel;

/// <summary>
/// What create hands TensorFlow and TensorFlow hands back to compute and delete (the C API's
/// <c>void* kernel</c>). Native memory, not a GCHandle: it is plain data, read on every compute
/// from many threads, and needs no GC bookkeeping.
/// </summary>
internal struct KernelState
{
    private static long s_live;

    /// <summary>The node's data_format, parsed once at construction.</summary>
    public DataFormat Format;

    /// <summary>States allocated and not yet freed (lets tests prove that delete frees every one).</summary>
    internal static long Live => Interlocked.Read(ref s_live);

    public static unsafe KernelState* Allocate(DataFormat format) // becomes the C API's void* kernel
    {
        var state = (KernelState*)NativeMemory.Alloc((nuint)sizeof(KernelState)); // malloc'd, freed by Free
        state->Format = format;
        Interlocked.Increment(ref s_live);
        return state;
    }

    public static unsafe void Free(KernelState* state) // the void* kernel TensorFlow hands to delete_func
    {
        if (state is not null)
        {
            NativeMemory.Free(state);
            Interlocked.Decrement(ref s_live);
        }
    }
}
