using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>IDENTIFY (op 2). Carries the token: never log it.</summary>
internal sealed class JsonIdentifyPayload
{
    [JsonPropertyName("op")]
    public int Opcode { get; set; } = 2;

    [JsonPropertyName("d")]
    public required JsonIdentify Data { get; set; }
}
