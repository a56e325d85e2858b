using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary><c>setWebhook</c>: Telegram sends <see cref="SecretToken"/> back in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
internal sealed record SetWebhookRequest
{
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";

    [JsonPropertyName("secret_token")]
    public string? SecretToken { get; init; }

    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<string> AllowedUpdates { get; init; } = ["message"];
}
