using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

internal sealed class AnthropicImageSource
{
    [JsonPropertyName("type")]
    public string Type { get; init; } = "base64";

    [JsonPropertyName("media_type")]
    public required string MediaType { get; init; }

    [JsonPropertyName("data")]
    public required string Data { get; init; }
}
