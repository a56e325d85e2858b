using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>Which mentions in our content may ping: we parse none, and ping only the user we reply to.</summary>
internal sealed class JsonAllowedMentions
{
    [JsonPropertyName("parse")]
    public List<string> Parse { get; set; } = [];

    [JsonPropertyName("replied_user")]
    public bool RepliedUser { get; set; }
}
