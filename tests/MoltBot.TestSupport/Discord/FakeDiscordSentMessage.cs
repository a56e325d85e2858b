using System.Text.Json.Nodes;

namespace MoltBot.TestSupport.Discord;

/// <summary>A message the client created through <c>POST /channels/{id}/messages</c>, with the id the fake gave it.</summary>
public sealed record FakeDiscordSentMessage(string Id, string ChannelId, string Content, string? ReplyToMessageId, string? Nonce, JsonNode? Body)
{
    /// <summary><c>allowed_mentions.parse</c> as sent (null when absent).</summary>
    public IReadOnlyList<string>? AllowedMentionParse =>
        Body?["allowed_mentions"]?["parse"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public bool? AllowedMentionRepliedUser => Body?["allowed_mentions"]?["replied_user"]?.GetValue<bool>();
}
