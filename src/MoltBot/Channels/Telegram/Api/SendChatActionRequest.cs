using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary><c>sendChatAction</c>: the status lasts about 5 seconds or until the bot sends a message.</summary>
internal sealed record SendChatActionRequest
{
    [JsonPropertyName("chat_id")]
    public long ChatId { get; init; }

    [JsonPropertyName("action")]
    public string Action { get; init; } = "typing";
}
