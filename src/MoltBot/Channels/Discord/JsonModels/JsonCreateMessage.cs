using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>The body of <c>POST /channels/{channel.id}/messages</c>.</summary>
internal sealed class JsonCreateMessage
{
    [JsonPropertyName("content")]
    public required string Content { get; set; }

    [JsonPropertyName("message_reference")]
    public JsonMessageReference? MessageReference { get; set; }

    /// <summary>Up to 25 characters; with <see cref="EnforceNonce"/> Discord returns the earlier message instead of
    /// creating a second one for the same nonce (for a few minutes), which makes a retried send idempotent.</summary>
    [JsonPropertyName("nonce")]
    public string? Nonce { get; set; }

    [JsonPropertyName("enforce_nonce")]
    public bool? EnforceNonce { get; set; }

    [JsonPropertyName("allowed_mentions")]
    public JsonAllowedMentions? AllowedMentions { get; set; }
}
