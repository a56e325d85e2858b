namespace MoltBot.Security.Audit;

/// <summary>Append-only record of security events. Writers never wait on it for long and never fail because of it.</summary>
internal interface IAuditLog
{
    void Record(AuditEvent auditEvent);
}

/// <summary>Used until a real audit log is registered (and by in-process CLI commands that have nothing to audit).</summary>
internal sealed class NullAuditLog : IAuditLog
{
    public static readonly NullAuditLog Instance = new();

    public void Record(AuditEvent auditEvent)
    {
    }
}
