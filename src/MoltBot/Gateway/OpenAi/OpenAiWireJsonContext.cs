using System.Text.Json.Serialization;

namespace MoltBot.Gateway.OpenAi;

/// <summary>Source-generated JSON for the OpenAI-compatible HTTP API (one context per wire boundary).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatCompletionRequest))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(OpenAiErrorEnvelope))]
[JsonSerializable(typeof(string))]
internal sealed partial class OpenAiWireJsonContext : JsonSerializerContext;
