namespace MoltBot.Sessions;

/// <summary>A session key's current transcript and per-session settings.</summary>
/// <remarks>
/// <see cref="UpdatedAt"/> is when the row itself last changed (created, reset, model override). Transcript entries do
/// not touch it: that was a page written with every entry; the last entry's time is the session's last activity.
/// </remarks>
internal sealed record SessionInfo(string Key, string SessionId, string AgentId, string? ModelOverride, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
