using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Configuration;
using MoltBot.Gateway.Status;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>
/// The configured MCP servers: connected in the background after the gateway starts (never delaying <c>/ready</c>),
/// their tools offered through <see cref="IToolSource"/> (so <c>tools.allow</c>/<c>tools.deny</c> apply), stopped
/// (stdio processes killed) when the gateway stops.
/// </summary>
internal sealed class McpServers(
    MoltBotConfig config, ISecretRedactor redactor, ExecApprovals approvals, TimeProvider timeProvider, ILogger<McpServers> logger)
    : BackgroundService, IToolSource
{
    private readonly McpServerConnection[] _servers =
        [.. config.Mcp.Servers.Select(s => new McpServerConnection(s.Key, s.Value, redactor, approvals, timeProvider, logger))];

    public IReadOnlyCollection<AIFunction> Tools => _servers.Length switch
    {
        0 => [],
        1 => _servers[0].Tools,
        _ => [.. _servers.SelectMany(s => s.Tools)],
    };

    public IReadOnlyList<McpServerStatus> Snapshot() => [.. _servers.Select(s => s.Snapshot())];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_servers.Where(s => s.Config.Enabled).Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));
}
