namespace MoltBot.Channels;

/// <summary>A message from a chat channel, as every adapter reports it.</summary>
/// <param name="MessageId">The channel's own id (Discord snowflake, Telegram update id): the key for exactly-once acceptance.</param>
/// <param name="ChatId">Where a reply goes (DM channel, chat, group).</param>
/// <param name="IsDirect">A direct message (DM access control applies) rather than a group/guild message.</param>
internal sealed record InboundMessage(string Channel, string MessageId, string SenderId, string ChatId, bool IsDirect, string Text);
