using System.Text;
using TfOps.Native.CApi;
using TfOps.Native.Interop;

namespace TfOps.Native.Kernel;

/// <summary>Reads the node's <c>data_format</c> attribute at kernel construction.</summary>
internal static unsafe class DataFormatAttr
{
    // Attr values are short ("NHWC"); longer (invalid) values still work, through the heap.
    private const int StackLimit = 64;

    /// <summary>The parsed format; InvalidArgument with TensorFlow's attr text for a value the op rejects.</summary>
    public static DataFormat Read(KernelApi api, TfOpKernelConstruction* construction, StatusHandle status) // TF_OpKernelConstruction*
    {
        return DataFormats.Parse(ReadString(api, construction, status));
    }

    // TF_OpKernelConstruction_GetAttrString copies the bytes without a NUL terminator, so the length
    // comes from TF_OpKernelConstruction_GetAttrSize and only that many bytes are decoded.
    private static string ReadString(KernelApi api, TfOpKernelConstruction* construction, StatusHandle status) // TF_OpKernelConstruction*
    {
        ReadOnlySpan<byte> name = "data_format\0"u8;
        int listSize, totalSize;
        fixed (byte* attrName = name) // const char* attr_name
        {
            api.Kernels.GetAttrSize(construction, attrName, &listSize, &totalSize, status.Pointer);
            status.ThrowIfFailed();
            if (listSize != -1 || totalSize < 0)
            {
                throw new TfOpsException(TfCode.Internal, $"Attr 'data_format' is not a single string (list_size {listSize}, total_size {totalSize})");
            }

            Span<byte> value = totalSize <= StackLimit ? stackalloc byte[StackLimit] : new byte[totalSize];
            value = value[..totalSize];
            fixed (byte* buffer = value) // char* val, filled without a NUL
            {
                api.Kernels.GetAttrString(construction, attrName, buffer, (nuint)totalSize, status.Pointer);
            }

            status.ThrowIfFailed();
            return Encoding.UTF8.GetString(value);
        }
    }
}
