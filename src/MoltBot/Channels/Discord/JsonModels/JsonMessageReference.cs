using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>A reply's link to the message it answers.</summary>
internal sealed class JsonMessageReference
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; set; }

    [JsonPropertyName("channel_id")]
    public string? ChannelId { get; set; }

    /// <summary>False: if the user deleted their message, still send the reply (unthreaded).</summary>
    [JsonPropertyName("fail_if_not_exists")]
    public bool? FailIfNotExists { get; set; }
}
