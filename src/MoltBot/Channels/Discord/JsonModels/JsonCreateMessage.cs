using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The body of <c>POST /channels/{channel.id}/messages</c>.</summary>
internal sealed class JsonCreateMessage
{
    [JsonPropertyName("content")]
    public required string Content { get; set; }

    [JsonPropertyName("message_reference")]
    public JsonMessageReference? MessageReference { get; set; }

    [JsonPropertyName("allowed_mentions")]
    public JsonAllowedMentions? AllowedMentions { get; set; }
}
