namespace MoltBot.Security.AuditChecks;

/// <summary><c>state.permissions</c>: the state folder holds the token, the config (maybe keys) and every transcript.</summary>
internal static class StatePermissionsCheck
{
    public const string Id = "state.permissions";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        var problems = StatePermissions.Find(context.Paths);
        if (problems.Count == 0)
        {
            yield break;
        }
        var shown = string.Join(", ", problems.Take(3).Select(p => $"{p.Path} ({UnixPermissions.Octal(p.Mode)})")) + (problems.Count > 3 ? $" and {problems.Count - 3} more" : "");
        yield return new SecurityFinding(Id, problems.Any(p => p.OpenToOthers) ? SecuritySeverity.High : SecuritySeverity.Medium,
            $"state is readable by other users: {shown}",
            string.Join("; ", problems.Take(3).Select(p => p.Chmod)) + (problems.Count > 3 ? "; ..." : "") + " (or `moltbot security audit --fix`)")
        {
            AutoFix = new SecurityAutoFix($"set {problems.Count} state path(s) to 0700 (folders) / 0600 (files)", () => StatePermissions.Fix(problems)),
        };
    }
}
