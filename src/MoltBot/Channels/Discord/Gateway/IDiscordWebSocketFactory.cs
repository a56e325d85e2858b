using System.Net.WebSockets;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>Opens the gateway WebSocket; the seam tests use to observe or replace the socket.</summary>
internal interface IDiscordWebSocketFactory
{
    /// <summary>Connects to <paramref name="uri"/> (already carrying <c>?v=10&amp;encoding=json</c>).</summary>
    Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}
