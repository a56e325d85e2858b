using System.Text.Json.Serialization;

namespace MoltBot.Cli;

/// <summary>One line of <c>moltbot audit tail --json</c>.</summary>
internal sealed record AuditLogEntryJson(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("actor")] string? Actor,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("detail")] string? Detail);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditLogEntryJson))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
