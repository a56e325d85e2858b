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

    private volatile Combined? _combined;

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
            var parts = new IReadOnlyCollection<AIFunction>[_servers.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = _servers[i].Tools;
            }
            var fresh = new Combined(parts, [.. parts.SelectMany(p => p)]);
            _combined = fresh;
            return fresh.Tools;
        }
    }

    public IReadOnlyList<McpServerStatus> Snapshot() => [.. _servers.Select(s => s.Snapshot())];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_servers.Where(s => s.Config.Enabled).Select(s => Task.Run(() => s.RunAsync(stoppingToken), CancellationToken.None)));

    /// <summary>The servers' tools merged, and the per-server lists they came from.</summary>
    private sealed class Combined(IReadOnlyCollection<AIFunction>[] parts, AIFunction[] tools)
    {
        public AIFunction[] Tools { get; } = tools;

        public bool IsCurrent(McpServerConnection[] servers)
        {
            for (var i = 0; i < servers.Length; i++)
            {
                if (!ReferenceEquals(servers[i].Tools, parts[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
