using System.Net.WebSockets;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>The production <see cref="IDiscordWebSocketFactory"/>: a plain <see cref="ClientWebSocket"/>.</summary>
internal sealed class ClientWebSocketFactory : IDiscordWebSocketFactory
{
    public async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
