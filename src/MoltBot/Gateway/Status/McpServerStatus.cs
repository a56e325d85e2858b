using System.Text.Json.Serialization;

namespace MoltBot.Gateway.Status;

/// <summary>One MCP server in <c>GET /api/status</c>: <c>state</c> is <c>starting</c>, <c>connected</c>, <c>failed</c> or <c>disabled</c>.</summary>
/// <param name="LastError">Why it failed last (secrets redacted); null once connected.</param>
internal sealed record McpServerStatus(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("tools")] int Tools,
    [property: JsonPropertyName("lastError")] string? LastError);
