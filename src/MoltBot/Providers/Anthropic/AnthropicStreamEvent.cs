using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>
/// One SSE event: <c>message_start</c>, <c>content_block_start</c>, <c>content_block_delta</c>, <c>content_block_stop</c>,
/// <c>message_delta</c>, <c>message_stop</c>, <c>ping</c> or <c>error</c>.
/// </summary>
internal sealed class AnthropicStreamEvent
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("message")]
    public AnthropicMessagesResponse? Message { get; init; }

    [JsonPropertyName("index")]
    public int? Index { get; init; }

    [JsonPropertyName("content_block")]
    public AnthropicContentBlock? ContentBlock { get; init; }

    [JsonPropertyName("delta")]
    public AnthropicStreamDelta? Delta { get; init; }

    [JsonPropertyName("usage")]
    public AnthropicUsage? Usage { get; init; }

    [JsonPropertyName("error")]
    public AnthropicError? Error { get; init; }
}
