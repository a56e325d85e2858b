using MoltBot.Security.Audit;

namespace MoltBot.Tests.Gateway.Security;

/// <summary>An <see cref="IAuditLog"/> that keeps every event, for asserting what the gateway recorded.</summary>
internal sealed class RecordingAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditEvent> _events = [];

    public IReadOnlyList<AuditEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Record(AuditEvent auditEvent)
    {
        lock (_gate)
        {
            _events.Add(auditEvent);
        }
    }

    public IReadOnlyList<AuditEvent> OfType(string type) => [.. Events.Where(e => e.Type == type)];
}
