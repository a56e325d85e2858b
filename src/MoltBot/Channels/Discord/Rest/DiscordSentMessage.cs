namespace MoltBot.Channels.Discord.Rest;

/// <summary>A message Discord accepted: its id is what an outbox records to avoid sending twice.</summary>
internal sealed record DiscordSentMessage(string MessageId, string ChannelId);
