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

    public async Task KeepTypingAsync(string chatId, CancellationToken cancellationToken)
    {
        var chat = TelegramIds.ChatId(chatId);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await api.SendChatActionAsync(chat, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTypingFailed(logger, chatId, ex.Message); // cosmetic: never fails the turn
                }
                await Task.Delay(Interval, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn ended.
        }
    }

    [LoggerMessage(EventId = 21, EventName = EventNames.TelegramTypingFailed, Level = LogLevel.Debug, Message = "typing indicator for chat {ChatId} failed: {Error}")]
    private static partial void LogTypingFailed(ILogger logger, string chatId, string error);
}
