using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Agent.Tools.Approvals;

/// <summary>One pending request as <c>GET /api/approvals</c> returns it.</summary>
internal sealed record ApprovalEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("agentId")] string AgentId,
    [property: JsonPropertyName("sessionKey")] string SessionKey,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);

internal sealed record ApprovalList([property: JsonPropertyName("approvals")] IReadOnlyList<ApprovalEntry> Approvals);

internal sealed record ApprovalResult([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("result")] string Result);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApprovalList))]
[JsonSerializable(typeof(ApprovalResult))]
internal sealed partial class ApprovalsJsonContext : JsonSerializerContext;
