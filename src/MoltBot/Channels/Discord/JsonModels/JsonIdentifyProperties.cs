using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>Connection properties sent with IDENTIFY.</summary>
internal sealed class JsonIdentifyProperties
{
    [JsonPropertyName("os")]
    public required string OperatingSystem { get; set; }

    [JsonPropertyName("browser")]
    public required string Browser { get; set; }

    [JsonPropertyName("device")]
    public required string Device { get; set; }
}
