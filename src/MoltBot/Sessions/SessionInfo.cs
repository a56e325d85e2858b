namespace MoltBot.Sessions;

/// <summary>A session key's current transcript and per-session settings.</summary>
/// <remarks><see cref="UpdatedAt"/> is as of when the store last read or changed the row: appends bump the column, not the copies <see cref="KnownSessions"/> hands out.</remarks>
internal sealed record SessionInfo(string Key, string SessionId, string AgentId, string? ModelOverride, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
