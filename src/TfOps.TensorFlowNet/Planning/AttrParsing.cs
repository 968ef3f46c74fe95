using System.Text;

namespace TfOps.TensorFlowNet.Planning;

/// <summary>Reads op attributes as TensorFlow.NET hands them over.</summary>
internal static class AttrParsing
{
    /// <summary>BiasAddV1 has no data_format attribute: it is always channel-last.</summary>
    public const string ChannelLast = "NHWC";

    /// <summary>
    /// The data_format attribute as text. Graph operations return a string; eager operations return
    /// what was recorded (a string, or UTF-8 bytes) or null when absent, which means the op's default.
    /// </summary>
    public static string DataFormatText(object? attr) => attr switch
    {
        null => ChannelLast,
        string text => text,
        byte[] utf8 => Encoding.UTF8.GetString(utf8),
        ReadOnlyMemory<byte> utf8 => Encoding.UTF8.GetString(utf8.Span),
        _ => attr.ToString() ?? ChannelLast,
    };
}
