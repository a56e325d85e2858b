using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>RESUME (op 6). Carries the token: never log it.</summary>
internal sealed class JsonResumePayload
{
    [JsonPropertyName("op")]
    public int Opcode { get; set; } = 6;

    [JsonPropertyName("d")]
    public required JsonResume Data { get; set; }
}
