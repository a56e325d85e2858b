using System.Text.Json.Serialization;

namespace MoltBot.Cli;

/// <summary>Output of <c>moltbot models list --json</c>.</summary>
internal sealed record ModelsListJson(
    [property: JsonPropertyName("providers")] IReadOnlyList<ModelsListProviderJson> Providers,
    [property: JsonPropertyName("agents")] IReadOnlyList<ModelsListAgentJson> Agents);

internal sealed record ModelsListProviderJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("api")] string Api,
    [property: JsonPropertyName("baseUrl")] string? BaseUrl,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("models")] IReadOnlyList<ModelsListModelJson> Models);

internal sealed record ModelsListModelJson(
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("contextWindow")] int ContextWindow,
    [property: JsonPropertyName("maxTokens")] int MaxTokens,
    [property: JsonPropertyName("usedBy")] IReadOnlyList<string> UsedBy);

internal sealed record ModelsListAgentJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("primary")] string? Primary,
    [property: JsonPropertyName("fallbacks")] IReadOnlyList<string> Fallbacks,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ModelsListJson))]
internal sealed partial class ModelsListJsonContext : JsonSerializerContext;
