using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>A Discord message object: the MESSAGE_CREATE dispatch and the Create Message response.</summary>
internal sealed class JsonMessage
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("channel_id")]
    public string ChannelId { get; set; } = "";

    [JsonPropertyName("guild_id")]
    public string? GuildId { get; set; }

    [JsonPropertyName("author")]
    public JsonUser? Author { get; set; }

    [JsonPropertyName("content")]
    public string? Content { get; set; }

    [JsonPropertyName("mentions")]
    public List<JsonUser>? Mentions { get; set; }

    [JsonPropertyName("message_reference")]
    public JsonMessageReference? MessageReference { get; set; }
}
