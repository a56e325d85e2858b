using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary><c>sendMessage</c>: at most 4,096 characters after entity parsing.</summary>
internal sealed record SendMessageRequest
{
    [JsonPropertyName("chat_id")]
    public long ChatId { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("parse_mode")]
    public string? ParseMode { get; init; }

    [JsonPropertyName("reply_parameters")]
    public TelegramReplyParameters? ReplyParameters { get; init; }
}
