using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MoltBot.Channels.Discord.JsonModels;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>
/// JSON frames over one gateway WebSocket: reads whole messages (any size, up to a sanity cap) and serialises sends,
/// since the heartbeat loop and the receive loop both write.
/// </summary>
internal sealed class GatewaySocket(WebSocket socket, TimeProvider time) : IDisposable
{
    private const int MaxFrameBytes = 32 * 1024 * 1024;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public async Task SendAsync<T>(T payload, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, type);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new GatewayFrame(null, (int?)socket.CloseStatus, socket.CloseStatusDescription);
            }
            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"Discord sent a gateway frame over {MaxFrameBytes} bytes.");
            }
            if (result.EndOfMessage)
            {
                var payload = JsonSerializer.Deserialize(_buffer.WrittenSpan, DiscordJsonContext.Default.JsonGatewayPayload)
                    ?? throw new JsonException("Discord sent a null gateway frame.");
                return new GatewayFrame(payload, null, null);
            }
        }
    }

    /// <summary>Closes with <paramref name="code"/> (non-1000 keeps the session resumable), waiting briefly, then aborts.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            try
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The socket is already gone; the abort below is all that is left to do.
            }
        }
        socket.Abort();
    }

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
