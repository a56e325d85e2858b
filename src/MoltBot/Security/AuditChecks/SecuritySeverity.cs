namespace MoltBot.Security.AuditChecks;

/// <summary>How bad a finding is; <c>moltbot security audit</c> exits 1 while any <see cref="High"/> one remains.</summary>
internal enum SecuritySeverity
{
    Info,
    Low,
    Medium,
    High,
}
