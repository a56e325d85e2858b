using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary><c>auto</c>, <c>any</c>, <c>tool</c> (with <see cref="Name"/>) or <c>none</c>.</summary>
internal sealed class AnthropicToolChoice
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
