using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

internal sealed class AnthropicTool
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("input_schema")]
    public required JsonElement InputSchema { get; init; }
}
