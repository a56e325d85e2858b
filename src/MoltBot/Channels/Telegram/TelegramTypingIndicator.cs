using Microsoft.Extensions.Logging;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Hosting;

namespace MoltBot.Channels.Telegram;

/// <summary>Sends <c>sendChatAction typing</c> when a turn starts and every <see cref="Interval"/> while it runs (Telegram shows it ~5 s).</summary>
internal sealed partial class TelegramTypingIndicator(TelegramBotApiClient api, TimeProvider timeProvider, ILogger<TelegramTypingIndicator> logger)
    : ITypingIndicator
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public string Channel => TelegramSender.Name;

    public Task KeepTypingAsync(string chatId, CancellationToken cancellationToken)
    {
        var chat = TelegramIds.ChatId(chatId);
        return TypingLoop.RunAsync(ct => api.SendChatActionAsync(chat, ct), Interval, timeProvider, error => LogTypingFailed(logger, chatId, error), cancellationToken);
    }

    [LoggerMessage(EventId = 21, EventName = EventNames.TelegramTypingFailed, Level = LogLevel.Debug, Message = "typing indicator for chat {ChatId} failed: {Error}")]
    private static partial void LogTypingFailed(ILogger logger, string chatId, string error);
}
