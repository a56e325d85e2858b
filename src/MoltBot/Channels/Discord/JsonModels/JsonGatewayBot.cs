using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The response of <c>GET /gateway/bot</c> (the fields we use).</summary>
internal sealed class JsonGatewayBot
{
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    [JsonPropertyName("shards")]
    public int? Shards { get; set; }
}
