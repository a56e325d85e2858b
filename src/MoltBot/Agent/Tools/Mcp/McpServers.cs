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

    private volatile MergedTools? _combined;

    /// <summary>Every connected server's tools; the same instance until a server's list changes (see <see cref="IToolSource.Tools"/>).</summary>
    public IReadOnlyCollection<AIFunction> Tools
    {
        get
        {
            switch (_servers.Length)
            {
                case 0:
                    return [];
                case 1:
                    return _servers[0].Tools;
            }
            if (_combined is { } combined && combined.IsCurrent(_servers))
            {
                return combined.Tools;
            }
            var fresh = MergedTools.From(_servers, static parts => [.. parts.SelectMany(p => p)]);
            _combined = fresh;
            return fresh.Tools;
        }
    }

    public IReadOnlyList<McpServerStatus> Snapshot() => [.. _servers.Select(s => s.Snapshot())];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_servers.Where(s => s.Config.Enabled).Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));
}
