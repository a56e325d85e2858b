using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Configuration;
using MoltBot.Gateway.Status;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>
/// One configured MCP server: connects, lists its tools, waits until the session ends (the process died, the server
/// went away), then reconnects with back-off. While it is down its tools are simply absent; the agent keeps working.
/// </summary>
internal sealed partial class McpServerConnection(
    string name, McpServerConfig config, ISecretRedactor redactor, ExecApprovals approvals, TimeProvider timeProvider, ILogger logger)
    : IToolSource
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);

    private readonly string[] _ownSecrets = [.. config.Env.Values.Concat(config.Headers.Values).Select(s => s.Value).Where(v => v.Length >= 6)];
    private volatile McpClient? _client;
    private volatile IReadOnlyCollection<AIFunction> _tools = [];
    private volatile string _state = config.Enabled ? McpServerState.Starting : McpServerState.Disabled;
    private volatile string? _lastError;

    public string Name => name;

    public McpServerConfig Config => config;

    /// <summary>Where calls wait for the owner when the server has <c>ask: always</c>.</summary>
    public ExecApprovals Approvals => approvals;

    /// <summary>The server's tools while it is connected; empty otherwise.</summary>
    public IReadOnlyCollection<AIFunction> Tools => _tools;

    public McpServerStatus Snapshot() => new(name, config.Transport, _state, _tools.Count, _lastError);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            _state = McpServerState.Starting;
            McpClient? client = null;
            IClientTransport? transport = null;
            string error;
            try
            {
                transport = McpTransports.Create(name, config);
                client = await McpClient.CreateAsync(transport, new McpClientOptions
                {
                    ClientInfo = new Implementation { Name = "moltbot", Version = MoltBotVersion.Current },
                    InitializationTimeout = TimeSpan.FromSeconds(60),
                }, cancellationToken: stoppingToken);
                var listed = await client.ListToolsAsync(cancellationToken: stoppingToken);
                _tools = McpTool.ForServer(this, listed.Select(t => t.ProtocolTool));
                _client = client;
                _state = McpServerState.Connected;
                _lastError = null;
                failures = 0;
                LogConnected(logger, name, config.Transport, _tools.Count);
                error = Describe(await client.Completion.WaitAsync(stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (transport is StdioServerProcess stopping)
                {
                    await stopping.DisposeAsync(); // also when stopped while connecting, before any client owned it
                }
                break;
            }
            catch (Exception ex)
            {
                error = Describe(ex);
            }
            finally
            {
                _client = null;
                _tools = [];
                if (client is not null)
                {
                    await DisposeQuietlyAsync(client);
                }
            }
            if (transport is StdioServerProcess process)
            {
                error = await process.ExplainAsync(error);
                await process.DisposeAsync();
            }
            var delay = Backoff(++failures);
            // The timer starts and the event is logged before the state says "failed", so whoever sees the failure in
            // status finds it in the log too, and can already move the clock.
            var retry = Task.Delay(delay, timeProvider, stoppingToken);
            var redacted = Redact(error);
            LogFailed(logger, name, redacted, (long)delay.TotalSeconds);
            _lastError = redacted;
            _state = McpServerState.Failed;
            try
            {
                await retry;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Calls <paramref name="tool"/> (the server's own name) within <c>timeoutSeconds</c>.</summary>
    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new ToolRefusedException(
            $"the MCP server '{name}' is not connected right now ({_state}{(_lastError is null ? "" : ": " + _lastError)}).");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(config.TimeoutSeconds), timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await client.CallToolAsync(new CallToolRequestParams { Name = tool, Arguments = arguments }, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the MCP server '{name}' did not answer within {config.TimeoutSeconds} s (mcp.servers.{name}.timeoutSeconds).");
        }
    }

    /// <summary>Masks known secrets and this server's own env/header values.</summary>
    public string Redact(string text)
    {
        text = redactor.Redact(text);
        foreach (var secret in _ownSecrets)
        {
            text = text.Replace(secret, ISecretRedactor.Mask, StringComparison.Ordinal);
        }
        return text;
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));

    private static string Describe(ClientCompletionDetails details) =>
        details.Exception is { } ex ? $"the server closed the session ({ErrorText.FirstLine(ex.Message)})" : "the server closed the session";

    /// <summary>One line: a stdio server's stderr is added by <see cref="StdioServerProcess.ExplainAsync"/>.</summary>
    private static string Describe(Exception ex) => ex is McpServerException ? ex.Message : ErrorText.OneLine(ex);

    private static async Task DisposeQuietlyAsync(McpClient client)
    {
        try
        {
            await client.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // Disposing a session whose process already died may throw; the process is gone either way.
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.McpServerConnected, Level = LogLevel.Information,
        Message = "mcp server {Server} connected ({Transport}), {ToolCount} tools")]
    private static partial void LogConnected(ILogger logger, string server, string transport, int toolCount);

    [LoggerMessage(EventId = 2, EventName = EventNames.McpServerFailed, Level = LogLevel.Warning,
        Message = "mcp server {Server} failed: {Error}; retrying in {DelaySeconds} s")]
    private static partial void LogFailed(ILogger logger, string server, string error, long delaySeconds);
}
