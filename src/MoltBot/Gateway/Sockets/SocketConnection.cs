using System.Buffers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace MoltBot.Gateway.Sockets;

/// <summary>
/// One WebSocket client. The first frame must be a valid <c>connect</c> carrying the gateway token; anything else
/// closes this connection (and only this one). Frames are capped (64 KiB before auth), sends are serialised, events
/// are numbered per connection.
/// </summary>
internal sealed partial class SocketConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly SocketMethods _methods;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _closed;
    private long _seq;

    public SocketConnection(WebSocket socket, SocketMethods methods, TimeProvider time, ILogger logger, System.Net.IPAddress? remoteIp, CancellationToken stopping)
    {
        _socket = socket;
        _methods = methods;
        _time = time;
        _logger = logger;
        RemoteIp = remoteIp;
        RemoteAddress = remoteIp?.ToString() ?? "unknown";
        _closed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public string RemoteAddress { get; }

    /// <summary>The client's address (after trusted-proxy resolution), for per-address auth throttling.</summary>
    public System.Net.IPAddress? RemoteIp { get; }

    /// <summary>Cancelled when the connection ends or the gateway stops; runs started by this client stop with it.</summary>
    public CancellationToken Closed => _closed.Token;

    public async Task RunAsync()
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await SendEventAsync("connect.challenge", new ConnectChallenge(nonce, _time.GetUtcNow().ToUnixTimeMilliseconds()), SocketJsonContext.Default.ConnectChallenge);

        if (!await HandshakeAsync())
        {
            return;
        }
        using var ticks = new PeriodicTimer(SocketProtocol.TickInterval, _time);
        var ticking = TickAsync(ticks);
        try
        {
            while (await ReceiveFrameAsync(SocketProtocol.MaxFrameBytes, Closed) is { } frame)
            {
                if (await ParseAsync(frame) is not { } request)
                {
                    return;
                }
                await DispatchAsync(request);
            }
        }
        finally
        {
            await _closed.CancelAsync();
            ticks.Dispose();
            await ticking;
        }
    }

    public Task SendEventAsync<T>(string name, T payload, JsonTypeInfo<T> typeInfo) =>
        SendAsync(writer =>
        {
            writer.WriteString("type"u8, "event");
            writer.WriteString("event"u8, name);
            writer.WritePropertyName("payload"u8);
            JsonSerializer.Serialize(writer, payload, typeInfo);
            writer.WriteNumber("seq"u8, Interlocked.Increment(ref _seq));
        });

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        _closed.Dispose();
        _sendGate.Dispose();
    }

    private async Task<bool> HandshakeAsync()
    {
        using var timeout = new CancellationTokenSource(SocketProtocol.HandshakeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, Closed);
        byte[]? frame;
        try
        {
            frame = await ReceiveFrameAsync(SocketProtocol.PreAuthMaxFrameBytes, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "no connect frame in time");
            return false;
        }
        if (frame is null || await ParseAsync(frame) is not { } request)
        {
            return false;
        }
        if (request.Method != "connect")
        {
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "the first frame must be a connect request");
            return false;
        }
        var hello = _methods.Connect(this, request);
        if (hello.Error is { } error)
        {
            await SendResponseAsync(request.Id, error);
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, error.Message);
            return false;
        }
        await SendAsync(writer => WriteResponseHead(writer, request.Id, ok: true, hello.Payload!, SocketJsonContext.Default.HelloOk));
        return true;
    }

    private async Task DispatchAsync(RequestFrame request)
    {
        try
        {
            var result = await _methods.InvokeAsync(this, request);
            await SendAsync(writer => result.Write(writer, request.Id));
        }
        catch (FrameException ex)
        {
            await SendResponseAsync(request.Id, ex.ToError() with { Message = _methods.Redact(ex.Message) });
        }
        catch (JsonException ex)
        {
            await SendResponseAsync(request.Id, new FrameError(FrameErrorCodes.InvalidRequest, _methods.Redact($"params of {request.Method} do not match: {ex.Message}")));
        }
    }

    /// <summary>A frame that is not JSON, or not a request, ends this connection with a close reason saying why.</summary>
    private async Task<RequestFrame?> ParseAsync(byte[] frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("type", out var type) && type.ValueEquals("req")
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } idText
                && root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String)
            {
                var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
                return new RequestFrame(idText, method.GetString()!, parameters);
            }
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, "expected {\"type\":\"req\",\"id\",\"method\",\"params\"}");
        }
        catch (JsonException)
        {
            await CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "frame is not valid JSON");
        }
        return null;
    }

    /// <summary>One whole text message, or null when the peer closed. Oversized or binary messages close the connection.</summary>
    private async Task<byte[]?> ReceiveFrameAsync(int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            }
            catch (WebSocketException)
            {
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                return null;
            }
            buffer.Advance(result.Count);
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(WebSocketCloseStatus.InvalidMessageType, "frames are JSON text");
                return null;
            }
            if (buffer.WrittenCount > maxBytes)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frame larger than {maxBytes} bytes");
                return null;
            }
            if (result.EndOfMessage)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }

    private async Task TickAsync(PeriodicTimer ticks)
    {
        try
        {
            while (await ticks.WaitForNextTickAsync(Closed))
            {
                await SendEventAsync("tick", new TickEvent(_time.GetUtcNow().ToUnixTimeMilliseconds()), SocketJsonContext.Default.TickEvent);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task SendResponseAsync(string id, FrameError error) =>
        SendAsync(writer =>
        {
            writer.WriteString("type"u8, "res");
            writer.WriteString("id"u8, id);
            writer.WriteBoolean("ok"u8, false);
            writer.WritePropertyName("error"u8);
            JsonSerializer.Serialize(writer, error, SocketJsonContext.Default.FrameError);
        });

    internal static void WriteResponseHead<T>(Utf8JsonWriter writer, string id, bool ok, T payload, JsonTypeInfo<T> typeInfo)
    {
        writer.WriteString("type"u8, "res");
        writer.WriteString("id"u8, id);
        writer.WriteBoolean("ok"u8, ok);
        writer.WritePropertyName("payload"u8);
        JsonSerializer.Serialize(writer, payload, typeInfo);
    }

    private async Task SendAsync(Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }
        try
        {
            await _sendGate.WaitAsync(Closed);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, Closed);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer went away; the receive loop notices and ends the connection.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (status != WebSocketCloseStatus.NormalClosure)
        {
            LogClosed(_logger, Id, RemoteAddress, reason);
        }
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                await _socket.CloseAsync(status, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 1, EventName = Hosting.EventNames.SocketClosed, Level = LogLevel.Information, Message = "closed WebSocket {ConnectionId} from {Address}: {Reason}")]
    private static partial void LogClosed(ILogger logger, string connectionId, string address, string reason);
}
