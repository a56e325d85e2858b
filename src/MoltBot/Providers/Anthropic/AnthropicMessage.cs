using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>One turn: <c>role</c> is <c>user</c> or <c>assistant</c>.</summary>
internal sealed class AnthropicMessage
{
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    [JsonPropertyName("content")]
    public required List<AnthropicContentBlock> Content { get; init; }
}
