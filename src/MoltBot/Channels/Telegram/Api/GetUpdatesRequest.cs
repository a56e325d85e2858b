using System.Text.Json.Serialization;

namespace MoltBot.Channels.Telegram.Api;

/// <summary>
/// <c>getUpdates</c>: updates with an id below <see cref="Offset"/> are confirmed and dropped by Telegram;
/// <see cref="Timeout"/> (seconds) makes it a long poll.
/// </summary>
internal sealed record GetUpdatesRequest
{
    [JsonPropertyName("offset")]
    public long? Offset { get; init; }

    [JsonPropertyName("timeout")]
    public int Timeout { get; init; }

    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<string> AllowedUpdates { get; init; } = ["message"];
}
