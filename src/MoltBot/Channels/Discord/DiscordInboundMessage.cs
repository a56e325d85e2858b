namespace MoltBot.Channels.Discord;

/// <summary>A MESSAGE_CREATE from the gateway, as the rest of MoltBot sees it. Ids are Discord snowflakes (strings).</summary>
/// <param name="GuildId">Null for direct messages.</param>
/// <param name="MentionsBot">The bot user is in <c>mentions</c> (an @mention or a reply that pings it).</param>
/// <param name="ReferencedMessageId">The message this one replies to, if any.</param>
/// <param name="Sequence">The gateway sequence number of the dispatch (for diagnostics; not stable across sessions).</param>
internal sealed record DiscordInboundMessage(
    string MessageId,
    string ChannelId,
    string? GuildId,
    string AuthorId,
    bool AuthorIsBot,
    string AuthorUsername,
    string Content,
    bool MentionsBot,
    string? ReferencedMessageId,
    long Sequence)
{
    public bool IsDirectMessage => GuildId is null;
}
