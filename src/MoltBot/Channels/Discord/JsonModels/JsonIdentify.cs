using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The data of IDENTIFY.</summary>
internal sealed class JsonIdentify
{
    [JsonPropertyName("token")]
    public required string Token { get; set; }

    [JsonPropertyName("intents")]
    public int Intents { get; set; }

    [JsonPropertyName("properties")]
    public required JsonIdentifyProperties Properties { get; set; }
}
