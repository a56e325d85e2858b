using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The data of RESUME.</summary>
internal sealed class JsonResume
{
    [JsonPropertyName("token")]
    public required string Token { get; set; }

    [JsonPropertyName("session_id")]
    public required string SessionId { get; set; }

    [JsonPropertyName("seq")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Sequence { get; set; }
}
