using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Channels;
using MoltBot.Security.Redaction;

namespace MoltBot.Gateway.Status;

/// <summary><c>GET /api/status</c> (behind the gateway token): agents, channel connection state and MCP servers.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status", (AgentCatalog agents, IEnumerable<IChannelStatusSource> channels, McpServers mcp, GatewayReadiness readiness, ISecretRedactor redactor) =>
            Results.Json(Snapshot(agents, channels, mcp, readiness, redactor), StatusJsonContext.Default.GatewayStatus));
        return endpoints;
    }

    /// <remarks>A channel's <c>lastError</c> is text from outside (a library exception, a server's reason), so it is redacted.</remarks>
    public static GatewayStatus Snapshot(
        AgentCatalog agents, IEnumerable<IChannelStatusSource> channels, McpServers mcp, GatewayReadiness readiness, ISecretRedactor redactor) => new(
        readiness.StartedAt,
        [.. agents.All.Select(a => new AgentStatus(a.Id, a.Name, a.PrimaryModel))],
        [.. channels.Select(c => c.Snapshot()).Select(s => s.LastError is { } error ? s with { LastError = redactor.Redact(error) } : s)],
        mcp.Snapshot());
}
