using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The data of the READY dispatch (the fields we use).</summary>
internal sealed class JsonReady
{
    [JsonPropertyName("session_id")]
    public string SessionId { get; set; } = "";

    [JsonPropertyName("resume_gateway_url")]
    public string? ResumeGatewayUrl { get; set; }

    [JsonPropertyName("user")]
    public JsonUser User { get; set; } = new();
}
