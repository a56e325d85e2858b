using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Channels;

namespace MoltBot.Gateway.Status;

/// <summary><c>GET /api/status</c> (behind the gateway token): agents, channel connection state and MCP servers.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/status", (AgentCatalog agents, IEnumerable<IChannelStatusSource> channels, McpServers mcp, GatewayReadiness readiness) =>
            Results.Json(Snapshot(agents, channels, mcp, readiness), StatusJsonContext.Default.GatewayStatus));
        return endpoints;
    }

    public static GatewayStatus Snapshot(AgentCatalog agents, IEnumerable<IChannelStatusSource> channels, McpServers mcp, GatewayReadiness readiness) => new(
        readiness.StartedAt,
        [.. agents.All.Select(a => new AgentStatus(a.Id, a.Name, a.PrimaryModel))],
        [.. channels.Select(c => c.Snapshot())],
        mcp.Snapshot());
}
