namespace MoltBot.Channels.Discord;

internal sealed class DiscordStatusSource(DiscordClient client) : IChannelStatusSource
{
    public ChannelStatus Snapshot()
    {
        var s = client.Status;
        return new ChannelStatus(DiscordInboundFilter.Channel, s.Connected, s.BotUserId is null ? null : $"{s.BotUsername} ({s.BotUserId})",
            s.LastEventAt, s.LastError, s.ReconnectCount, s.Fatal);
    }
}
