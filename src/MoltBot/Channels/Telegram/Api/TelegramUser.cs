using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>Bot API <c>User</c> (the fields we use).</summary>
internal sealed record TelegramUser
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("is_bot")]
    public bool IsBot { get; init; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("username")]
    public string? Username { get; init; }
}
