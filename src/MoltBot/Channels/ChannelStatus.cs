using System.Text.Json.Serialization;

namespace MoltBot.Channels;

/// <summary>One channel's connection state, as <c>moltbot status</c> (and later the Control UI) shows it.</summary>
internal sealed record ChannelStatus(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("connected")] bool Connected,
    [property: JsonPropertyName("identity")] string? Identity,
    [property: JsonPropertyName("lastEventAt")] DateTimeOffset? LastEventAt,
    [property: JsonPropertyName("lastError")] string? LastError,
    [property: JsonPropertyName("reconnects")] int Reconnects,
    [property: JsonPropertyName("stopped")] bool Stopped);
