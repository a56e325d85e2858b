using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Channels.Discord;

/// <summary>Triggers Discord's typing indicator when a turn starts and every <see cref="Interval"/> while it runs (Discord shows it ~10 s).</summary>
internal sealed partial class DiscordTypingIndicator(DiscordClient client, TimeProvider timeProvider, ILogger<DiscordTypingIndicator> logger)
    : ITypingIndicator
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(8);

    public string Channel => DiscordInboundFilter.Channel;

    public Task KeepTypingAsync(string chatId, CancellationToken cancellationToken) =>
        TypingLoop.RunAsync(ct => client.TriggerTypingAsync(chatId, ct), Interval, timeProvider, error => LogTypingFailed(logger, chatId, error), cancellationToken);

    [LoggerMessage(EventId = 40, EventName = EventNames.DiscordTypingFailed, Level = LogLevel.Debug, Message = "typing indicator for channel {ChannelId} failed: {Error}")]
    private static partial void LogTypingFailed(ILogger logger, string channelId, string error);
}
