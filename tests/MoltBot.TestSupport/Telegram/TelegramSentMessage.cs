namespace MoltBot.TestSupport.Telegram;

/// <summary>A <c>sendMessage</c> the fake accepted: <see cref="ReplyTo"/> is <c>reply_parameters.message_id</c>.</summary>
public sealed record TelegramSentMessage(long ChatId, string Text, string? ParseMode, long? ReplyTo);
