using System.Text.Json.Serialization;
using MoltBot.Channels;

namespace MoltBot.Gateway.Status;

/// <summary>The body of <c>GET /api/status</c>.</summary>
internal sealed record GatewayStatus(
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("agents")] IReadOnlyList<AgentStatus> Agents,
    [property: JsonPropertyName("channels")] IReadOnlyList<ChannelStatus> Channels,
    [property: JsonPropertyName("mcpServers")] IReadOnlyList<McpServerStatus>? McpServers = null);

internal sealed record AgentStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model")] string? Model);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(GatewayStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
