using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MoltBot.TestSupport.Gateway;

/// <summary>
/// A client of the gateway's WebSocket protocol, written from the wire format alone (req/res/event JSON frames,
/// <c>connect.challenge</c> then <c>connect</c>): what a browser's WebChat or a third-party client does. Used by tests and the load driver.
/// </summary>
public sealed class GatewaySocketClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _pending = [];
    private readonly Task _reader;
    private int _nextId;

    private GatewaySocketClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = ReadLoopAsync();
    }

    /// <summary>The <c>hello-ok</c> payload after a successful <see cref="ConnectAsync"/>.</summary>
    public JsonElement Hello { get; private set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    /// <summary>Opens the socket and reads the challenge; does not send <c>connect</c> (see <see cref="ConnectAsync"/>).</summary>
    public static async Task<GatewaySocketClient> OpenAsync(Uri gateway, string? origin = null, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }
        var uri = new UriBuilder(gateway) { Scheme = gateway.Scheme == "https" ? "wss" : "ws", Path = "/" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        var client = new GatewaySocketClient(socket);
        var challenge = await client.NextEventAsync("connect.challenge", cancellationToken);
        if (challenge.GetProperty("nonce").GetString() is not { Length: > 0 })
        {
            throw new InvalidOperationException("connect.challenge without a nonce");
        }
        return client;
    }

    /// <summary>Opens and authenticates; throws with the gateway's error when <c>connect</c> is refused.</summary>
    public static async Task<GatewaySocketClient> ConnectAsync(Uri gateway, string token, CancellationToken cancellationToken = default)
    {
        var client = await OpenAsync(gateway, cancellationToken: cancellationToken);
        var response = await client.RequestAsync("connect", ConnectParams(token), cancellationToken);
        if (!response.GetProperty("ok").GetBoolean())
        {
            await client.DisposeAsync();
            throw new InvalidOperationException("connect refused: " + response.GetProperty("error"));
        }
        client.Hello = response.GetProperty("payload");
        return client;
    }

    public static JsonObject ConnectParams(string? token) => new()
    {
        ["minProtocol"] = 3,
        ["maxProtocol"] = 3,
        ["client"] = new JsonObject { ["id"] = "moltbot-tests", ["version"] = "1.0", ["mode"] = "test" },
        ["auth"] = new JsonObject { ["token"] = token },
    };

    public Task SendRawAsync(string text, CancellationToken cancellationToken = default) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Sends a request and returns the whole <c>res</c> frame; events that arrive meanwhile are kept for <see cref="NextEventAsync"/>.</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var id = $"r{Interlocked.Increment(ref _nextId)}";
        var frame = new JsonObject { ["type"] = "req", ["id"] = id, ["method"] = method, ["params"] = parameters };
        await SendRawAsync(frame.ToJsonString(), cancellationToken);
        return await NextAsync(f => f.GetProperty("type").ValueEquals("res") && f.GetProperty("id").ValueEquals(id), cancellationToken);
    }

    /// <summary>The payload of the next event with this name.</summary>
    public async Task<JsonElement> NextEventAsync(string name, CancellationToken cancellationToken = default)
    {
        var frame = await NextAsync(f => f.GetProperty("type").ValueEquals("event") && f.GetProperty("event").ValueEquals(name), cancellationToken);
        return frame.GetProperty("payload");
    }

    /// <summary>Sends <c>chat.send</c> and collects the run's events up to <c>final</c>, <c>error</c> or <c>aborted</c>.</summary>
    public async Task<ChatRun> ChatAsync(string message, string? idempotencyKey = null, string? sessionKey = null, CancellationToken cancellationToken = default)
    {
        var parameters = new JsonObject { ["message"] = message, ["idempotencyKey"] = idempotencyKey ?? Guid.NewGuid().ToString("n") };
        if (sessionKey is not null)
        {
            parameters["sessionKey"] = sessionKey;
        }
        var accepted = await RequestAsync("chat.send", parameters, cancellationToken);
        if (!accepted.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("chat.send refused: " + accepted.GetProperty("error"));
        }
        var runId = accepted.GetProperty("payload").GetProperty("runId").GetString()!;
        var deltas = new StringBuilder();
        while (true)
        {
            var frame = await NextAsync(f => f.GetProperty("type").ValueEquals("event") && f.GetProperty("event").ValueEquals("chat")
                && f.GetProperty("payload").GetProperty("runId").ValueEquals(runId), cancellationToken);
            var payload = frame.GetProperty("payload");
            var state = payload.GetProperty("state").GetString()!;
            if (state == "delta")
            {
                deltas.Append(payload.GetProperty("deltaText").GetString());
                continue;
            }
            var text = state == "final" ? payload.GetProperty("message").GetProperty("text").GetString()! : payload.TryGetProperty("errorMessage", out var e) ? e.GetString()! : "";
            return new ChatRun(runId, state, text, deltas.ToString());
        }
    }

    /// <summary>Waits until the gateway closes the socket; returns null if it closed without a status.</summary>
    public async Task<WebSocketCloseStatus?> WaitClosedAsync(CancellationToken cancellationToken = default)
    {
        await _reader.WaitAsync(cancellationToken);
        return _socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        var kept = _pending.FindIndex(f => match(f));
        if (kept >= 0)
        {
            var found = _pending[kept];
            _pending.RemoveAt(kept);
            return found;
        }
        await foreach (var frame in _frames.Reader.ReadAllAsync(cancellationToken))
        {
            if (match(frame))
            {
                return frame;
            }
            _pending.Add(frame);
        }
        throw new InvalidOperationException($"the gateway closed the socket ({_socket.CloseStatus}: {_socket.CloseStatusDescription})");
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _frames.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}

/// <param name="State"><c>final</c>, <c>error</c> or <c>aborted</c>.</param>
/// <param name="Text">The final reply, or the error message.</param>
/// <param name="Streamed">The concatenated <c>delta</c> texts.</param>
public sealed record ChatRun(string RunId, string State, string Text, string Streamed);
