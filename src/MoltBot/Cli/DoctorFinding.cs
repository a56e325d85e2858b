namespace MoltBot.Cli;

/// <summary>One doctor check: what was looked at, whether it is fine, and the exact fix when it is not.</summary>
internal sealed record DoctorFinding(string Check, DoctorSeverity Severity, string Detail, string? Fix = null);

internal enum DoctorSeverity
{
    Ok,
    Warning,
    Error,
}
