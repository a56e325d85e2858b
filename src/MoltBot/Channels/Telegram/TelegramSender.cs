using Microsoft.Extensions.Logging;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Hosting;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// Sends outbox replies to Telegram as HTML (see <see cref="TelegramHtml"/>), threaded to the user's message; when
/// Telegram rejects the formatting (400 "can't parse entities") the same part goes out as plain text.
/// </summary>
internal sealed partial class TelegramSender(TelegramBotApiClient api, ILogger<TelegramSender> logger) : IChannelSender
{
    public const string Name = "telegram";

    public string Channel => Name;

    public IReadOnlyList<string> Split(string text) => TelegramMessageSplitter.Split(text);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var chatId = TelegramIds.ChatId(message.ChatId);
        var reply = TelegramIds.MessageIdOf(message.ReplyTo) is { } id ? new TelegramReplyParameters { MessageId = id } : null;
        try
        {
            await api.SendMessageAsync(new SendMessageRequest
            {
                ChatId = chatId, Text = TelegramHtml.FromMarkdown(message.Text), ParseMode = TelegramHtml.ParseMode, ReplyParameters = reply,
            }, cancellationToken);
        }
        catch (TelegramApiException ex) when (ex.IsEntityParseError)
        {
            LogPlainTextFallback(logger, message.ChatId, ex.Description);
            await api.SendMessageAsync(new SendMessageRequest { ChatId = chatId, Text = message.Text, ReplyParameters = reply }, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 20, EventName = EventNames.TelegramPlainTextFallback, Level = LogLevel.Information,
        Message = "Telegram rejected the formatting for chat {ChatId} ({Description}); sent as plain text")]
    private static partial void LogPlainTextFallback(ILogger logger, string chatId, string description);
}
