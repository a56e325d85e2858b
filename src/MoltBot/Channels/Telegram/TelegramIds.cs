using System.Globalization;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// Telegram message ids are unique only within a chat, so the inbound <c>MessageId</c> is <c>"{chat.id}:{message_id}"</c>:
/// stable across webhook redeliveries and getUpdates replays (update ids are not guaranteed to be).
/// </summary>
internal static class TelegramIds
{
    public static string MessageKey(long chatId, long messageId) =>
        chatId.ToString(CultureInfo.InvariantCulture) + ":" + messageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Telegram message id inside a <see cref="MessageKey"/> (the part after the last colon).</summary>
    public static long? MessageIdOf(string? messageKey)
    {
        if (string.IsNullOrEmpty(messageKey))
        {
            return null;
        }
        var colon = messageKey.LastIndexOf(':');
        return long.TryParse(messageKey.AsSpan(colon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static long ChatId(string chatId) => long.Parse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
