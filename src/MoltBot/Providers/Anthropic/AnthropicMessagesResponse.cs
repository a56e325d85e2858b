using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>A <c>message</c> object: the non-streaming response, and <c>message_start.message</c> when streaming.</summary>
internal sealed class AnthropicMessagesResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("content")]
    public List<AnthropicContentBlock> Content { get; init; } = [];

    [JsonPropertyName("stop_reason")]
    public string? StopReason { get; init; }

    [JsonPropertyName("usage")]
    public AnthropicUsage? Usage { get; init; }
}
