namespace MoltBot.Security.Audit;

/// <summary>One stored row of <c>audit_log</c>.</summary>
internal sealed record AuditLogEntry(long Id, DateTimeOffset At, string Type, string? Actor, string? Address, string? Detail);
