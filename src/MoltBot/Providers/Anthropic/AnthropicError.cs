using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>The <c>error</c> object of an error response or a streamed <c>error</c> event.</summary>
internal sealed class AnthropicError
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
