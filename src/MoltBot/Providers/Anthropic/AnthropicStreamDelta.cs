using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary><c>text_delta</c> / <c>input_json_delta</c> in <c>content_block_delta</c>; stop reason in <c>message_delta</c>.</summary>
internal sealed class AnthropicStreamDelta
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("partial_json")]
    public string? PartialJson { get; init; }

    [JsonPropertyName("stop_reason")]
    public string? StopReason { get; init; }
}
