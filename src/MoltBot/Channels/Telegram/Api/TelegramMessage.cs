using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>Bot API <c>Message</c> (text messages only; other kinds arrive with <see cref="Text"/> null).</summary>
internal sealed record TelegramMessage
{
    [JsonPropertyName("message_id")]
    public long MessageId { get; init; }

    [JsonPropertyName("from")]
    public TelegramUser? From { get; init; }

    [JsonPropertyName("chat")]
    public TelegramChat Chat { get; init; } = new();

    [JsonPropertyName("date")]
    public long Date { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("reply_to_message")]
    public TelegramMessage? ReplyToMessage { get; init; }
}
