using System.Text.Json;
using MoltBot.Gateway.Status;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools.Mcp;

/// <summary>Reads MCP server state from the gateway's <c>GET /api/status</c>, as <c>moltbot status</c> does.</summary>
internal static class McpStatus
{
    public static async Task<GatewayStatus> GetAsync(GatewayHarness gateway, CancellationToken ct) =>
        JsonSerializer.Deserialize(await gateway.Http.GetStringAsync("/api/status", ct), StatusJsonContext.Default.GatewayStatus)!;

    /// <summary>Polls status until server <paramref name="name"/> leaves <c>starting</c> (npx may download first, hence the generous cap).</summary>
    public static async Task<McpServerStatus> WaitSettledAsync(GatewayHarness gateway, string name, CancellationToken ct, int maxSeconds = 180)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cap.CancelAfter(TimeSpan.FromSeconds(maxSeconds));
        while (true)
        {
            var server = Assert.Single((await GetAsync(gateway, cap.Token)).McpServers ?? [], s => s.Name == name);
            if (server.State != "starting")
            {
                return server;
            }
            await Task.Delay(100, cap.Token);
        }
    }
}
