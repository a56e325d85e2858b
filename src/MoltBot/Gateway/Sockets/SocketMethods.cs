using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Mcp;
using MoltBot.Channels;
using MoltBot.Channels.RateLimits;
using MoltBot.Gateway.Security;
using MoltBot.Gateway.Status;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Redaction;
using MoltBot.Sessions;

namespace MoltBot.Gateway.Sockets;

/// <summary>The methods a WebSocket client may call after <c>connect</c>: health, status, and WebChat's chat.*.</summary>
internal sealed partial class SocketMethods(
    GatewayAuthGuard authGuard,
    AgentRunner runner,
    AgentCatalog agents,
    SessionStore sessions,
    IEnumerable<IChannelStatusSource> channels,
    McpServers mcp,
    GatewayReadiness readiness,
    ChatRuns runs,
    MessageTraffic traffic,
    SenderRateGuard rateGuard,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ISecretRedactor redactor,
    ILogger<SocketMethods> logger)
{
    private static readonly string Version = typeof(SocketMethods).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Error text sent to a client passes through the one redactor.</summary>
    public string Redact(string text) => redactor.Redact(text);

    public ConnectOutcome Connect(SocketConnection connection, RequestFrame request)
    {
        var parameters = request.Params.ValueKind == JsonValueKind.Object
            ? request.Params.Deserialize(SocketJsonContext.Default.ConnectParams)
            : null;
        if (parameters is null)
        {
            return Refuse(FrameErrorCodes.InvalidRequest, "connect needs params {minProtocol, maxProtocol, client, auth: {token}}");
        }
        var (min, max) = (parameters.MinProtocol ?? SocketProtocol.Version, parameters.MaxProtocol ?? SocketProtocol.Version);
        if (min > SocketProtocol.Version || max < SocketProtocol.Version)
        {
            return Refuse(FrameErrorCodes.InvalidRequest, $"protocol {min}..{max} not supported; this gateway speaks {SocketProtocol.Version}");
        }
        // The same guard as HTTP: a brute-forcing page or script is throttled per address on either door.
        var auth = authGuard.Authenticate(connection.RemoteIp, "/ (websocket connect)", parameters.Auth?.Token);
        switch (auth.Outcome)
        {
            case GatewayAuthOutcome.Throttled:
                return Refuse(FrameErrorCodes.RateLimited,
                    $"too many failed authentication attempts from this address; retry after {auth.RetryAfterSeconds} s", auth.RetryAfter);
            case GatewayAuthOutcome.Denied:
                return Refuse(FrameErrorCodes.Unauthorized, "missing or wrong gateway token in connect.params.auth.token");
        }
        return new ConnectOutcome(new HelloOk(
            SocketProtocol.Version,
            new HelloServer(Version, connection.Id),
            new HelloFeatures(SocketProtocol.Methods, SocketProtocol.Events),
            new HelloPolicy(SocketProtocol.MaxFrameBytes, (int)SocketProtocol.TickInterval.TotalMilliseconds)), null);
    }

    public Task<SocketResult> InvokeAsync(SocketConnection connection, RequestFrame request) => request.Method switch
    {
        "health" => Task.FromResult(SocketResult.Of(
            new HealthPayload(readiness.IsReady, readiness.IsReady ? "ready" : "starting"), SocketJsonContext.Default.HealthPayload)),
        "status" => Task.FromResult(SocketResult.Of(StatusEndpoints.Snapshot(agents, channels, mcp, readiness, redactor), SocketJsonContext.Default.GatewayStatus)),
        "chat.send" => Task.FromResult(ChatSend(connection, Read(request, SocketJsonContext.Default.ChatSendParams))),
        "chat.history" => Task.FromResult(ChatHistory(Read(request, SocketJsonContext.Default.ChatHistoryParams))),
        "chat.abort" => Task.FromResult(SocketResult.Of(
            new ChatAbortResult(Read(request, SocketJsonContext.Default.ChatAbortParams).RunId is { } runId && runs.Abort(runId)),
            SocketJsonContext.Default.ChatAbortResult)),
        "connect" => throw new FrameException(FrameErrorCodes.InvalidRequest, "already connected"),
        _ => throw new FrameException(FrameErrorCodes.MethodNotFound, $"unknown method '{request.Method}'; see hello-ok features.methods"),
    };

    private SocketResult ChatSend(SocketConnection connection, ChatSendParams parameters)
    {
        if (string.IsNullOrWhiteSpace(parameters.Message))
        {
            throw new FrameException(FrameErrorCodes.InvalidRequest, "chat.send needs a non-empty 'message'");
        }
        if (string.IsNullOrWhiteSpace(parameters.IdempotencyKey))
        {
            throw new FrameException(FrameErrorCodes.InvalidRequest, "chat.send needs an 'idempotencyKey' (re-sent requests with the same key run once)");
        }
        var (agent, sessionKey) = ResolveSession(parameters.SessionKey, parameters.AgentId);
        if (!runs.TryClaim(parameters.IdempotencyKey, out var runId))
        {
            return SocketResult.Of(new ChatSendAccepted(runId, "in_flight"), SocketJsonContext.Default.ChatSendAccepted);
        }
        traffic.Received(ChannelRateLimits.WebChat);
        var address = connection.RemoteIp?.ToString() ?? "unknown";
        if (rateGuard.Check(ChannelRateLimits.WebChat, address, address) is { Allowed: false } limited)
        {
            runs.Forget(parameters.IdempotencyKey);
            throw new FrameException(FrameErrorCodes.RateLimited, limited.Notice, TimeSpan.FromSeconds(limited.RetryAfterSeconds));
        }
        var turn = new AgentTurnRequest(parameters.Message, agent.Id, sessionKey, SourceId: $"webchat:{parameters.IdempotencyKey}");
        _ = RunChatAsync(connection, runId, turn);
        return SocketResult.Of(new ChatSendAccepted(runId, "accepted"), SocketJsonContext.Default.ChatSendAccepted);
    }

    // The turn outlives the connection: a closed tab does not lose the reply, which is in chat.history when it comes back.
    private async Task RunChatAsync(SocketConnection connection, string runId, AgentTurnRequest turn)
    {
        var sessionKey = turn.SessionKey!;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        runs.Started(runId, cancellation);
        try
        {
            await Task.Yield();
            var result = await runner.RunAsync(turn, (delta, _) => new ValueTask(connection.SendEventAsync("chat",
                new ChatEvent(runId, sessionKey, "delta", DeltaText: delta), SocketJsonContext.Default.ChatEvent)), cancellation.Token);
            traffic.Replied("webchat");
            await connection.SendEventAsync("chat", new ChatEvent(runId, sessionKey, "final",
                Message: new ChatHistoryMessage("assistant", result.Text, time.GetUtcNow().ToUnixTimeMilliseconds())), SocketJsonContext.Default.ChatEvent);
        }
        catch (OperationCanceledException)
        {
            await connection.SendEventAsync("chat", new ChatEvent(runId, sessionKey, "aborted"), SocketJsonContext.Default.ChatEvent);
        }
        catch (Exception ex)
        {
            LogTurnFailed(logger, sessionKey, ex);
            await connection.SendEventAsync("chat", new ChatEvent(runId, sessionKey, "error", ErrorMessage: redactor.Redact(ex.Message)), SocketJsonContext.Default.ChatEvent);
        }
        finally
        {
            runs.Ended(runId);
        }
    }

    private SocketResult ChatHistory(ChatHistoryParams parameters)
    {
        var (_, sessionKey) = ResolveSession(parameters.SessionKey, null);
        var limit = Math.Clamp(parameters.Limit ?? 100, 1, 1000);
        var messages = sessions.Find(sessionKey) is { } session
            ? sessions.Transcript(session.SessionId)
                .Where(m => m.Kind == StoredMessage.MessageKind && (m.Message.Role == ChatRole.User || m.Message.Role == ChatRole.Assistant))
                .Where(m => !string.IsNullOrEmpty(m.Message.Text))
                .TakeLast(limit)
                .Select(m => new ChatHistoryMessage(m.Message.Role.Value, m.Message.Text, m.CreatedAt.ToUnixTimeMilliseconds()))
                .ToList()
            : [];
        return SocketResult.Of(new ChatHistory(sessionKey, messages), SocketJsonContext.Default.ChatHistory);
    }

    private (AgentProfile Agent, string SessionKey) ResolveSession(string? sessionKey, string? agentId)
    {
        var id = agentId ?? (sessionKey is null ? null : SessionKey.AgentIdOf(sessionKey)) ?? agents.Default.Id;
        var agent = agents.Find(id) ?? throw new FrameException(FrameErrorCodes.NotFound,
            $"unknown agent '{id}'; configured: {string.Join(", ", agents.All.Select(a => a.Id))}");
        if (sessionKey is not null && !sessionKey.StartsWith($"agent:{agent.Id}:", StringComparison.Ordinal))
        {
            throw new FrameException(FrameErrorCodes.InvalidRequest, $"sessionKey must look like 'agent:{agent.Id}:<name>'");
        }
        return (agent, sessionKey ?? SessionKey.MainSession(agent.Id));
    }

    private static T Read<T>(RequestFrame request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) where T : new() =>
        request.Params.ValueKind == JsonValueKind.Object ? request.Params.Deserialize(typeInfo) ?? new T() : new T();

    private static ConnectOutcome Refuse(string code, string message, TimeSpan? retryAfter = null) =>
        new(null, new FrameError(code, message, retryAfter.HasValue ? true : null, (long?)retryAfter?.TotalMilliseconds));

    [LoggerMessage(EventId = 2, EventName = EventNames.WebChatTurnFailed, Level = LogLevel.Warning, Message = "webchat turn in {SessionKey} failed")]
    private static partial void LogTurnFailed(ILogger logger, string sessionKey, Exception exception);
}
