using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MoltBot.Agent.Tools;

/// <summary>Tool schemas go out with every model request as their raw text, so they are kept without whitespace.</summary>
internal static class ToolSchemaJson
{
    /// <summary>The same JSON without whitespace between tokens; texts stay as written (no <c>\u</c> escapes for quotes or non-ASCII).</summary>
    public static byte[] Compact(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var compact = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(compact, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }
        return compact.WrittenSpan.ToArray();
    }
}
