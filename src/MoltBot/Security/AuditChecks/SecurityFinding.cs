namespace MoltBot.Security.AuditChecks;

/// <summary>One problem found by a check: a stable <paramref name="Id"/> (scripts and docs refer to it), one line on what is wrong, and how to fix it.</summary>
internal sealed record SecurityFinding(string Id, SecuritySeverity Severity, string Finding, string Fix)
{
    /// <summary>Set when <c>--fix</c> may repair it without changing anything the owner chose (permissions, a generated token file).</summary>
    public SecurityAutoFix? AutoFix { get; init; }
}

/// <summary>A safe repair: what it does (printed before it runs) and the action.</summary>
internal sealed record SecurityAutoFix(string Description, Action Apply);
