using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>Bot API <c>Chat</c>: <see cref="Type"/> is private, group, supergroup or channel.</summary>
internal sealed record TelegramChat
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("title")]
    public string? Title { get; init; }
}
