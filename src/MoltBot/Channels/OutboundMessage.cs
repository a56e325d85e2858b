namespace MoltBot.Channels;

/// <summary>A reply waiting in the outbox; <see cref="ReplyTo"/> threads it to the user's message where the channel supports it.</summary>
internal sealed record OutboundMessage(long Id, string Channel, string ChatId, string? ReplyTo, string Text, int Attempts);
