using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>Body of <c>POST /v1/messages</c>.</summary>
internal sealed class AnthropicMessagesRequest
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("max_tokens")]
    public required int MaxTokens { get; init; }

    [JsonPropertyName("system")]
    public string? System { get; init; }

    [JsonPropertyName("messages")]
    public required IReadOnlyList<AnthropicMessage> Messages { get; init; }

    [JsonPropertyName("tools")]
    public IReadOnlyList<AnthropicTool>? Tools { get; init; }

    [JsonPropertyName("tool_choice")]
    public AnthropicToolChoice? ToolChoice { get; init; }

    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    [JsonPropertyName("temperature")]
    public float? Temperature { get; init; }

    [JsonPropertyName("top_p")]
    public float? TopP { get; init; }

    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    [JsonPropertyName("stop_sequences")]
    public IReadOnlyList<string>? StopSequences { get; init; }
}
