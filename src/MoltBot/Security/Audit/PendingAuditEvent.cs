namespace MoltBot.Security.Audit;

/// <summary>An event waiting for the writer, stamped when it was recorded (not when it reaches the disk).</summary>
internal readonly record struct PendingAuditEvent(DateTimeOffset At, AuditEvent Event);
