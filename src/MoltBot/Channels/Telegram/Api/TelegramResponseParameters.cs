using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>Bot API <c>ResponseParameters</c>: why a request failed and what to do (wait, or use the migrated chat).</summary>
internal sealed record TelegramResponseParameters
{
    [JsonPropertyName("retry_after")]
    public int? RetryAfter { get; init; }

    [JsonPropertyName("migrate_to_chat_id")]
    public long? MigrateToChatId { get; init; }
}
