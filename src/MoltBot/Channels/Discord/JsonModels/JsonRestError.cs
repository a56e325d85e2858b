using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>A REST error body; for 429 also <c>retry_after</c> (seconds, fractional) and <c>global</c>.</summary>
internal sealed class JsonRestError
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("retry_after")]
    public double? RetryAfter { get; set; }

    [JsonPropertyName("global")]
    public bool? Global { get; set; }
}
