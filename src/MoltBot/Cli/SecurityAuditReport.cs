using System.Text.Encodings.Web;
using System.Text.Json;
using MoltBot.Security.AuditChecks;

namespace MoltBot.Cli;

/// <summary>How <c>moltbot security audit</c> prints: a table with each fix under its finding, or JSON.</summary>
internal static class SecurityAuditReport
{
    private static readonly SecurityAuditJsonContext Json = new(new JsonSerializerOptions(SecurityAuditJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // console output, not HTML
    });

    public static string Name(SecuritySeverity severity) => severity.ToString().ToLowerInvariant();

    public static void WriteText(IReadOnlyList<SecurityFinding> findings, IReadOnlyList<SecurityFixResult>? fixes, TextWriter output, bool color)
    {
        if (fixes is not null)
        {
            foreach (var fix in fixes)
            {
                output.WriteLine(fix.Error is null ? $"fixed {fix.Id}: {fix.Action}" : $"could not fix {fix.Id} ({fix.Action}): {fix.Error}");
            }
            output.WriteLine(fixes.Count == 0 ? "Nothing could be fixed automatically." : "Checked again after --fix:");
        }
        if (findings.Count > 0)
        {
            var idWidth = Math.Max("CHECK".Length, findings.Max(f => f.Id.Length));
            output.WriteLine($"{"SEVERITY",-8}  {"CHECK".PadRight(idWidth)}  FINDING");
            foreach (var f in findings)
            {
                output.WriteLine($"{Paint(Name(f.Severity).PadRight(8), f.Severity, color)}  {f.Id.PadRight(idWidth)}  {f.Finding}");
                output.WriteLine($"{"",8}  {"".PadRight(idWidth)}  fix: {f.Fix}");
            }
        }
        var summary = Summarize(findings);
        var fixable = findings.Count(f => f.AutoFix is not null);
        output.WriteLine($"{summary.High} high, {summary.Medium} medium, {summary.Low} low, {summary.Info} info"
            + (fixable > 0 && fixes is null ? $"; {fixable} can be fixed with `moltbot security audit --fix`" : "")
            + (summary.High > 0 ? "." : ". No high findings."));
    }

    public static void WriteJson(IReadOnlyList<SecurityFinding> findings, IReadOnlyList<SecurityFixResult>? fixes, TextWriter output)
    {
        var report = new SecurityAuditJson(
            [.. findings.Select(f => new SecurityFindingJson(f.Id, Name(f.Severity), f.Finding, f.Fix, f.AutoFix is not null))],
            fixes?.Select(f => new SecurityFixJson(f.Id, f.Action, f.Error)).ToList(),
            Summarize(findings));
        output.WriteLine(JsonSerializer.Serialize(report, Json.SecurityAuditJson));
    }

    private static SecuritySummaryJson Summarize(IReadOnlyList<SecurityFinding> findings) => new(
        findings.Count(f => f.Severity == SecuritySeverity.High),
        findings.Count(f => f.Severity == SecuritySeverity.Medium),
        findings.Count(f => f.Severity == SecuritySeverity.Low),
        findings.Count(f => f.Severity == SecuritySeverity.Info));

    private static string Paint(string text, SecuritySeverity severity, bool color) => !color ? text : severity switch
    {
        SecuritySeverity.High => $"\u001b[1;31m{text}\u001b[0m",
        SecuritySeverity.Medium => $"\u001b[33m{text}\u001b[0m",
        SecuritySeverity.Low => $"\u001b[36m{text}\u001b[0m",
        _ => $"\u001b[2m{text}\u001b[0m",
    };
}
