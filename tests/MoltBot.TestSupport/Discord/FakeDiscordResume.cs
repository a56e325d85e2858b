namespace MoltBot.TestSupport.Discord;

/// <summary>A RESUME (op 6) as received: which session, from which sequence, on which path.</summary>
public sealed record FakeDiscordResume(string? SessionId, long? Sequence, string? Token, string Path);
