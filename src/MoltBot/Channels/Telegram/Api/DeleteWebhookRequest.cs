using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary><c>deleteWebhook</c>: pending updates are kept so long polling picks them up.</summary>
internal sealed record DeleteWebhookRequest
{
    [JsonPropertyName("drop_pending_updates")]
    public bool DropPendingUpdates { get; init; }
}
