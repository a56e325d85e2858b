using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The data of HELLO (op 10).</summary>
internal sealed class JsonHello
{
    [JsonPropertyName("heartbeat_interval")]
    public double HeartbeatInterval { get; set; }
}
