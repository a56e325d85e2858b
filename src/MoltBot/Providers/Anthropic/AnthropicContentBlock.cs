using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>A content block: <c>text</c>, <c>image</c>, <c>tool_use</c> or <c>tool_result</c> (fields not used by a type are null).</summary>
internal sealed class AnthropicContentBlock
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("source")]
    public AnthropicImageSource? Source { get; init; }

    /// <summary><c>tool_use</c>: the call id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary><c>tool_use</c>: the arguments object.</summary>
    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    [JsonPropertyName("tool_use_id")]
    public string? ToolUseId { get; init; }

    /// <summary><c>tool_result</c>: the tool output as text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("is_error")]
    public bool? IsError { get; init; }
}
