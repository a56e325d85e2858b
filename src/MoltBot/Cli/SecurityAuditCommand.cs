using MoltBot.Security.AuditChecks;

namespace MoltBot.Cli;

/// <summary>
/// Runs the checks; with <c>--fix</c> applies each safe repair (saying what it did), then runs the checks again and
/// reports what remains. Exit 1 while any high finding remains, 0 otherwise, 2 when the config cannot be loaded.
/// </summary>
internal static class SecurityAuditCommand
{
    public static int Run(bool json, bool fix, CliHost host, TextWriter output, TextWriter error, bool color = false)
    {
        if (host.TryLoad(error) is not { } loaded)
        {
            return CliContext.ConfigErrorExitCode;
        }
        var context = new SecurityAuditContext(loaded, host.Environment);
        var findings = SecurityAudit.Run(context);
        var fixes = new List<SecurityFixResult>();
        if (fix)
        {
            foreach (var finding in findings.Where(f => f.AutoFix is not null))
            {
                try
                {
                    finding.AutoFix!.Apply();
                    fixes.Add(new SecurityFixResult(finding.Id, finding.AutoFix.Description, null));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    fixes.Add(new SecurityFixResult(finding.Id, finding.AutoFix!.Description, ex.Message));
                }
            }
            findings = SecurityAudit.Run(context);
        }
        if (json)
        {
            SecurityAuditReport.WriteJson(findings, fix ? fixes : null, output);
        }
        else
        {
            SecurityAuditReport.WriteText(findings, fix ? fixes : null, output, color);
        }
        return findings.Any(f => f.Severity == SecuritySeverity.High) ? 1 : 0;
    }
}

/// <summary>One repair <c>--fix</c> tried: what it did, or why it could not.</summary>
internal sealed record SecurityFixResult(string Id, string Action, string? Error);
