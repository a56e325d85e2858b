using System.Text.Json.Serialization;

namespace MoltBot.Gateway.OpenAi;

internal sealed record OpenAiErrorEnvelope([property: JsonPropertyName("error")] OpenAiError Error);

internal sealed record OpenAiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("code")] string? Code);
