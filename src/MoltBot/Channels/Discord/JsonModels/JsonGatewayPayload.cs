using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>A received gateway frame: <c>{"op":0,"d":{…},"s":42,"t":"MESSAGE_CREATE"}</c>.</summary>
internal sealed class JsonGatewayPayload
{
    [JsonPropertyName("op")]
    public int Opcode { get; set; }

    [JsonPropertyName("d")]
    public JsonElement Data { get; set; }

    [JsonPropertyName("s")]
    public long? Sequence { get; set; }

    [JsonPropertyName("t")]
    public string? EventName { get; set; }
}
