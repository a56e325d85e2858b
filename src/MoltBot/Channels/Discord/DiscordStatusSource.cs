using MoltBot.Configuration;
using MoltBot.Security.Redaction;

namespace MoltBot.Channels.Discord;

/// <summary>The Discord connection for <c>moltbot status</c>; the last error is shown with the bot token masked.</summary>
internal sealed class DiscordStatusSource(DiscordClient client, DiscordChannelConfig config, ISecretRedactor redactor) : IChannelStatusSource
{
    public ChannelStatus Snapshot()
    {
        var s = client.Status;
        return new ChannelStatus(DiscordInboundFilter.Channel, s.Connected, s.BotUserId is null ? null : $"{s.BotUsername} ({s.BotUserId})",
            s.LastEventAt, s.LastError is { } error ? ChannelErrorText.Redact(error, config.Token?.Value, redactor) : null, s.ReconnectCount, s.Fatal);
    }
}
