using System.Text.Json.Serialization;

namespace MoltBot.Providers.Anthropic;

/// <summary>Source-generated JSON for the Anthropic Messages API wire boundary.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnthropicMessagesRequest))]
[JsonSerializable(typeof(AnthropicMessagesResponse))]
[JsonSerializable(typeof(AnthropicStreamEvent))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
internal sealed partial class AnthropicJsonContext : JsonSerializerContext;
