namespace MoltBot.Channels.Discord;

/// <summary>A snapshot of the gateway connection, for <c>moltbot status</c> and health checks.</summary>
/// <param name="Connected">READY or RESUMED was received on the current socket.</param>
/// <param name="LastSequence">Last dispatch sequence received (what RESUME and heartbeats send).</param>
/// <param name="LastError">The last disconnect or failure reason; the fatal reason once the client has stopped.</param>
/// <param name="Fatal">The client stopped for good (bad token, disallowed intents…) and will not reconnect.</param>
internal sealed record DiscordStatus(
    bool Connected,
    string? BotUserId,
    string? BotUsername,
    string? SessionId,
    long? LastSequence,
    DateTimeOffset? LastEventAt,
    string? LastError,
    int ReconnectCount,
    bool Fatal)
{
    public static DiscordStatus Initial { get; } = new(false, null, null, null, null, null, null, 0, false);
}
