using System.Text;
using ModelContextProtocol.Protocol;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>A tool result as text for the model: text blocks as they are, other blocks as a short note, capped.</summary>
internal static class McpToolResultText
{
    public const int MaxChars = 100_000;

    public static string From(CallToolResult result)
    {
        var sb = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }
            sb.Append(block switch
            {
                TextContentBlock text => text.Text,
                ImageContentBlock image => $"[image {image.MimeType}, not shown]",
                AudioContentBlock audio => $"[audio {audio.MimeType}, not shown]",
                EmbeddedResourceBlock { Resource: TextResourceContents text } => text.Text,
                EmbeddedResourceBlock embedded => $"[resource {embedded.Resource.Uri}, not shown]",
                ResourceLinkBlock link => $"[resource link {link.Uri}]",
                _ => $"[{block.Type} content, not shown]",
            });
        }
        if (sb.Length == 0 && result.StructuredContent is { } structured)
        {
            sb.Append(structured.GetRawText());
        }
        return sb.Length <= MaxChars ? sb.ToString() : sb.ToString(0, MaxChars) + $"\n[truncated at {MaxChars} characters]";
    }
}
