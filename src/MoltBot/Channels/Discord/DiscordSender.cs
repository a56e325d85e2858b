using System.Globalization;

namespace MoltBot.Channels.Discord;

/// <summary>
/// Sends outbox messages to Discord. The outbox row id is the nonce Discord enforces, so a retry that races an
/// earlier success returns that message instead of posting the reply twice.
/// </summary>
internal sealed class DiscordSender(DiscordClient client) : IChannelSender
{
    public string Channel => DiscordInboundFilter.Channel;

    public IReadOnlyList<string> Split(string text) => DiscordMessageSplitter.Split(text);

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        client.Rest.CreateMessageAsync(message.ChatId, message.Text, message.ReplyTo,
            "mb" + message.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
}
