using Microsoft.Extensions.Logging;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// Where every inbound and outbound message is counted, whatever its channel (API, WebChat, Discord, Telegram): the
/// <c>moltbot.messages.*</c> counters and the one <see cref="EventNames.MessageReceived"/> log line per message that the
/// message-volume alert counts. No body, sender or chat is logged: the channel name is enough to count.
/// </summary>
internal sealed partial class MessageTraffic(MoltBotMetrics metrics, ILogger<MessageTraffic> logger)
{
    public void Received(string channel)
    {
        metrics.MessagesIn.Add(1, Channel(channel));
        LogReceived(logger, channel);
    }

    public void Replied(string channel) => metrics.MessagesOut.Add(1, Channel(channel));

    /// <summary><paramref name="reason"/> is a small fixed set (<c>access</c>, <c>pairing</c>, <c>rate</c>), so it stays a bounded label.</summary>
    public void Denied(string channel, string reason) =>
        metrics.MessagesDenied.Add(1, Channel(channel), new KeyValuePair<string, object?>("reason", reason));

    private static KeyValuePair<string, object?> Channel(string channel) => new("channel", channel);

    [LoggerMessage(EventId = 1, EventName = EventNames.MessageReceived, Level = LogLevel.Information, Message = "message received on {Channel}")]
    private static partial void LogReceived(ILogger logger, string channel);
}
