using System.Text.Json.Serialization;

namespace MoltBot.Cli;

/// <summary>Output of <c>moltbot security audit --json</c>.</summary>
internal sealed record SecurityAuditJson(
    [property: JsonPropertyName("findings")] IReadOnlyList<SecurityFindingJson> Findings,
    [property: JsonPropertyName("fixed")] IReadOnlyList<SecurityFixJson>? Fixed,
    [property: JsonPropertyName("summary")] SecuritySummaryJson Summary);

internal sealed record SecurityFindingJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("finding")] string Finding,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("autoFixable")] bool AutoFixable);

internal sealed record SecurityFixJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("error")] string? Error);

internal sealed record SecuritySummaryJson(
    [property: JsonPropertyName("high")] int High,
    [property: JsonPropertyName("medium")] int Medium,
    [property: JsonPropertyName("low")] int Low,
    [property: JsonPropertyName("info")] int Info);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SecurityAuditJson))]
internal sealed partial class SecurityAuditJsonContext : JsonSerializerContext;
