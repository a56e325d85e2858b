namespace MoltBot.Sessions;

/// <summary>A session key's current transcript and per-session settings.</summary>
internal sealed record SessionInfo(string Key, string SessionId, string AgentId, string? ModelOverride, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
