using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>HEARTBEAT (op 1): <c>d</c> is the last sequence received, or null before any dispatch.</summary>
internal sealed class JsonHeartbeatPayload
{
    [JsonPropertyName("op")]
    public int Opcode { get; set; } = 1;

    [JsonPropertyName("d")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Sequence { get; set; }
}
