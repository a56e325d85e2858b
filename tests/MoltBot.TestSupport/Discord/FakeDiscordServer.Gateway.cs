using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport.Discord;

/// <summary>The gateway half: one live client connection at a time, one session with an event log for RESUME replay.</summary>
public sealed partial class FakeDiscordServer
{
    // Guards every gateway state change and every send, so dispatch order equals sequence order.
    private readonly SemaphoreSlim _gateway = new(1, 1);
    private readonly List<JsonObject> _beforeReady = [];
    private readonly Lock _recordGate = new();
    private readonly List<long?> _heartbeats = [];
    private readonly List<JsonNode> _identifies = [];
    private readonly List<FakeDiscordResume> _resumes = [];
    private readonly List<int?> _clientCloses = [];
    private readonly List<string> _connectionUrls = [];
    private Connection? _current;
    private Session? _session;
    private int _sessionCount;

    /// <summary>HELLO's <c>heartbeat_interval</c> in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 45_000;

    /// <summary>When set, heartbeats are recorded but not acknowledged (op 11 withheld).</summary>
    public bool SuppressHeartbeatAcks { get; set; }

    /// <summary>When set, IDENTIFY is answered by closing with 4004 (Authentication failed).</summary>
    public bool RejectTokenWith4004 { get; set; }

    /// <summary>When set, IDENTIFY is answered by closing with this code (e.g. 4014 disallowed intents).</summary>
    public int? CloseOnIdentifyWith { get; set; }

    public FakeSignal Connections { get; } = new();

    public FakeSignal Identifies { get; } = new();

    public FakeSignal Resumes { get; } = new();

    public FakeSignal HeartbeatsReceived { get; } = new();

    /// <summary>Counts READY and RESUMED dispatches sent.</summary>
    public FakeSignal SessionsReady { get; } = new();

    /// <summary>Counts connections that ended (any reason).</summary>
    public FakeSignal Disconnections { get; } = new();

    public int IdentifyCount => Identifies.Count;

    public int ResumeCount => Resumes.Count;

    public int ConnectionCount => Connections.Count;

    public string? CurrentSessionId => _session?.Id;

    public IReadOnlyList<long?> Heartbeats => Snapshot(_heartbeats);

    /// <summary>IDENTIFY payloads' <c>d</c> (contains the token: assert on it, never print it).</summary>
    public IReadOnlyList<JsonNode> IdentifyPayloads => Snapshot(_identifies);

    public IReadOnlyList<FakeDiscordResume> ResumeRequests => Snapshot(_resumes);

    /// <summary>Close codes the client sent (null when it vanished without a close frame).</summary>
    public IReadOnlyList<int?> ClientCloseCodes => Snapshot(_clientCloses);

    /// <summary>Path and query of every gateway connection.</summary>
    public IReadOnlyList<string> ConnectionUrls => Snapshot(_connectionUrls);

    /// <summary>
    /// Creates a MESSAGE_CREATE: dispatched now to a ready client, or kept in the session log (replayed on RESUME),
    /// or held until the first READY. Returns the message id.
    /// </summary>
    public async Task<string> QueueMessageCreateAsync(
        string channelId, string authorId, string content, string? guildId = null, bool mentionsBot = false,
        bool authorIsBot = false, string? referencedMessageId = null, string? messageId = null)
    {
        var id = messageId ?? NextId();
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = User(authorId, "user" + authorId, authorIsBot),
            ["content"] = content,
            ["timestamp"] = "2026-01-01T00:00:00.000000+00:00",
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = mentionsBot ? new JsonArray(User(BotUserId, BotUsername, bot: true)) : new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["type"] = referencedMessageId is null ? 0 : 19,
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
        }
        if (referencedMessageId is not null)
        {
            message["message_reference"] = new JsonObject { ["message_id"] = referencedMessageId, ["channel_id"] = channelId };
        }
        await _gateway.WaitAsync();
        try
        {
            if (_session is null)
            {
                _beforeReady.Add(message);
            }
            else
            {
                await DispatchLockedAsync(_session, "MESSAGE_CREATE", message, log: true);
            }
        }
        finally
        {
            _gateway.Release();
        }
        return id;
    }

    /// <summary>Aborts the client's socket (no close frame), as a network failure would.</summary>
    public void DropConnection() => AbortGateway();

    /// <summary>Closes the client's socket with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code, string reason = "") => WithCurrentAsync(async connection =>
    {
        _current = null;
        await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
    });

    /// <summary>Sends INVALID_SESSION (op 9) with <c>d</c> = <paramref name="resumable"/>; false also forgets the session.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => WithCurrentAsync(async connection =>
    {
        connection.Ready = false;
        if (!resumable)
        {
            _session = null;
        }
        await SendLockedAsync(connection, new JsonObject { ["op"] = 9, ["d"] = resumable, ["s"] = null, ["t"] = null });
    });

    /// <summary>Sends RECONNECT (op 7).</summary>
    public Task SendReconnectAsync() => WithCurrentAsync(async connection =>
    {
        connection.Ready = false;
        await SendLockedAsync(connection, new JsonObject { ["op"] = 7, ["d"] = null, ["s"] = null, ["t"] = null });
    });

    /// <summary>Sends a HEARTBEAT request (op 1); the client must answer at once.</summary>
    public Task RequestHeartbeatAsync() => WithCurrentAsync(connection =>
        SendLockedAsync(connection, new JsonObject { ["op"] = 1, ["d"] = null, ["s"] = null, ["t"] = null }));

    private async Task WithCurrentAsync(Func<Connection, Task> action)
    {
        await _gateway.WaitAsync();
        try
        {
            if (_current is { } connection)
            {
                await action(connection);
            }
        }
        finally
        {
            _gateway.Release();
        }
    }

    private void AbortGateway()
    {
        TryAbort(Interlocked.Exchange(ref _current, null));
    }

    private static void TryAbort(Connection? connection)
    {
        try
        {
            connection?.Context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // That connection already ended.
        }
    }

    private async Task RunGatewayAsync(HttpContext context, string path)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(socket, context);
        Record(_connectionUrls, path + context.Request.QueryString.Value);
        await _gateway.WaitAsync();
        try
        {
            TryAbort(_current);
            _current = connection;
            await SendLockedAsync(connection, new JsonObject
            {
                ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs }, ["s"] = null, ["t"] = null,
            });
        }
        finally
        {
            _gateway.Release();
        }
        Connections.Increment();
        try
        {
            while (true)
            {
                var text = await ReceiveTextAsync(socket, _stopping.Token);
                if (text is null)
                {
                    Record(_clientCloses, (int?)socket.CloseStatus);
                    break;
                }
                var frame = JsonNode.Parse(text)!;
                if (!await HandleFrameAsync(connection, path, frame))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
        {
            Record(_clientCloses, null);
        }
        finally
        {
            Interlocked.CompareExchange(ref _current, null, connection);
            Disconnections.Increment();
        }
    }

    /// <summary>Handles one client frame; false ends the connection.</summary>
    private async Task<bool> HandleFrameAsync(Connection connection, string path, JsonNode frame)
    {
        var op = frame["op"]!.GetValue<int>();
        var data = frame["d"];
        switch (op)
        {
            case 1:
                Record(_heartbeats, data is null ? null : data.GetValue<long>());
                HeartbeatsReceived.Increment();
                if (!SuppressHeartbeatAcks)
                {
                    await WithConnectionAsync(connection, () => SendLockedAsync(connection, new JsonObject { ["op"] = 11, ["d"] = null, ["s"] = null, ["t"] = null }));
                }
                return true;
            case 2:
                Record(_identifies, data!.DeepClone());
                var token = data["token"]?.GetValue<string>();
                var closeWith = RejectTokenWith4004 || token != Token ? 4004 : CloseOnIdentifyWith;
                if (closeWith is { } code)
                {
                    Identifies.Increment();
                    await WithConnectionAsync(connection, () => connection.Socket.CloseOutputAsync(
                        (WebSocketCloseStatus)code, code == 4004 ? "Authentication failed." : "Disallowed intent(s).", CancellationToken.None));
                    return false;
                }
                await WithConnectionAsync(connection, async () =>
                {
                    var session = new Session($"fake-session-{Interlocked.Increment(ref _sessionCount)}");
                    _session = session;
                    connection.Session = session;
                    await DispatchLockedAsync(session, "READY", new JsonObject
                    {
                        ["v"] = 10,
                        ["user"] = User(BotUserId, BotUsername, bot: true),
                        ["guilds"] = new JsonArray(),
                        ["session_id"] = session.Id,
                        ["resume_gateway_url"] = ResumeGatewayUrl.ToString().TrimEnd('/'),
                        ["application"] = new JsonObject { ["id"] = BotUserId, ["flags"] = 0 },
                    }, log: false, connection);
                    connection.Ready = true;
                    foreach (var pending in _beforeReady)
                    {
                        await DispatchLockedAsync(session, "MESSAGE_CREATE", pending, log: true);
                    }
                    _beforeReady.Clear();
                });
                Identifies.Increment();
                SessionsReady.Increment();
                return true;
            case 6:
                var resume = new FakeDiscordResume(
                    data?["session_id"]?.GetValue<string>(), data?["seq"]?.GetValueKind() == JsonValueKind.Number ? data["seq"]!.GetValue<long>() : null,
                    data?["token"]?.GetValue<string>(), path);
                Record(_resumes, resume);
                var resumed = false;
                await WithConnectionAsync(connection, async () =>
                {
                    if (_session is not { } session || session.Id != resume.SessionId || resume.Token != Token)
                    {
                        await SendLockedAsync(connection, new JsonObject { ["op"] = 9, ["d"] = false, ["s"] = null, ["t"] = null });
                        return;
                    }
                    connection.Session = session;
                    foreach (var missed in session.Log.Where(e => e.Sequence > (resume.Sequence ?? 0)))
                    {
                        await SendLockedAsync(connection, JsonNode.Parse(missed.Json)!);
                    }
                    await DispatchLockedAsync(session, "RESUMED", new JsonObject(), log: false, connection);
                    connection.Ready = true;
                    resumed = true;
                });
                Resumes.Increment();
                if (resumed)
                {
                    SessionsReady.Increment();
                }
                return true;
            default:
                return true;
        }
    }

    private async Task WithConnectionAsync(Connection connection, Func<Task> action)
    {
        await _gateway.WaitAsync();
        try
        {
            if (ReferenceEquals(_current, connection))
            {
                await action();
            }
        }
        finally
        {
            _gateway.Release();
        }
    }

    /// <summary>Assigns the next sequence, logs it for replay, and sends it if a ready client holds the session.</summary>
    private async Task DispatchLockedAsync(Session session, string eventName, JsonObject data, bool log, Connection? to = null)
    {
        var sequence = ++session.Sequence;
        var json = new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = sequence, ["d"] = data.DeepClone() }.ToJsonString();
        if (log)
        {
            session.Log.Add((sequence, json));
        }
        var target = to ?? (_current is { Ready: true } current && current.Session == session ? current : null);
        if (target is not null)
        {
            await SendLockedAsync(target, JsonNode.Parse(json)!);
        }
    }

    private static async Task SendLockedAsync(Connection connection, JsonNode payload)
    {
        try
        {
            await connection.Socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The client is gone; logged dispatches are replayed on RESUME.
        }
    }

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private void Record<T>(List<T> list, T item)
    {
        lock (_recordGate)
        {
            list.Add(item);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_recordGate)
        {
            return [.. list];
        }
    }

    private sealed class Connection(WebSocket socket, HttpContext context)
    {
        public WebSocket Socket { get; } = socket;

        public HttpContext Context { get; } = context;

        public Session? Session { get; set; }

        public bool Ready { get; set; }
    }

    private sealed class Session(string id)
    {
        public string Id { get; } = id;

        public long Sequence { get; set; }

        public List<(long Sequence, string Json)> Log { get; } = [];
    }
}
