namespace TfOps.Native.Interop;

/// <summary>
/// TensorFlow's core message, as DESIGN.md's golden contract stores it: without a leading
/// <c>{{function_node ...}}</c>, without what follows the first newline (attr errors append the
/// NodeDef and OpDef there, kernel lookups the requested attrs and the registered kernels), and
/// without a trailing <c> [Op:...]</c>.
/// </summary>
internal static class TensorFlowMessage
{
    public static string Core(string message)
    {
        string text = message.Trim();
        if (text.StartsWith("{{function_node", StringComparison.Ordinal))
        {
            int end = text.IndexOf("}}", StringComparison.Ordinal);
            if (end >= 0)
            {
                text = text[(end + 2)..].TrimStart();
            }
        }

        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline >= 0)
        {
            text = text[..newline];
        }

        text = text.TrimEnd();
        int marker = text.LastIndexOf(" [Op:", StringComparison.Ordinal);
        if (marker >= 0 && text.EndsWith(']'))
        {
            text = text[..marker];
        }

        return text.TrimEnd();
    }
}
