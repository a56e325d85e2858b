using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>Bot API <c>ReplyParameters</c>: thread to the user's message, but still send if it was deleted.</summary>
internal sealed record TelegramReplyParameters
{
    [JsonPropertyName("message_id")]
    public long MessageId { get; init; }

    [JsonPropertyName("allow_sending_without_reply")]
    public bool AllowSendingWithoutReply { get; init; } = true;
}
