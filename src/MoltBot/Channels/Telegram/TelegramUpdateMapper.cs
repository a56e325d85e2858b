using System.Globalization;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Configuration;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// Turns a Telegram update into an <see cref="InboundMessage"/>, or null when the bot should not see it: not text,
/// a group not listed in <c>channels.telegram.groups</c> (allowlist; <c>"*"</c> lists all), or a group that requires a
/// mention and the message neither mentions <c>@bot</c> nor replies to the bot. The mention is stripped from the text.
/// </summary>
internal static class TelegramUpdateMapper
{
    public static InboundMessage? Map(TelegramUpdate update, TelegramUser bot, TelegramChannelConfig config)
    {
        if (update.Message is not { Text: { Length: > 0 } text, From: { } from } message || from.IsBot)
        {
            return null;
        }
        var chat = message.Chat;
        var chatId = chat.Id.ToString(CultureInfo.InvariantCulture);
        var isDirect = chat.Type == "private";
        if (!isDirect)
        {
            if (chat.Type is not ("group" or "supergroup")
                || !(config.Groups.TryGetValue(chatId, out var group) || config.Groups.TryGetValue("*", out group)))
            {
                return null;
            }
            var mention = "@" + bot.Username;
            var mentioned = bot.Username is { Length: > 0 } && text.Contains(mention, StringComparison.OrdinalIgnoreCase);
            var repliesToBot = message.ReplyToMessage?.From?.Id == bot.Id;
            if (group.RequireMention && !mentioned && !repliesToBot)
            {
                return null;
            }
            if (mentioned)
            {
                text = text.Replace(mention, "", StringComparison.OrdinalIgnoreCase).Trim();
                if (text.Length == 0)
                {
                    return null;
                }
            }
        }
        return new InboundMessage(TelegramSender.Name, TelegramIds.MessageKey(chat.Id, message.MessageId),
            from.Id.ToString(CultureInfo.InvariantCulture), chatId, isDirect, text);
    }
}
