using MoltBot.Agent;

namespace MoltBot.Security.AuditChecks;

/// <summary>
/// <c>skills.writable</c>: a skill is instructions the agent follows (and scripts it runs), so a skills folder that other
/// users can write to lets them plant one. Checked: each agent's <c>&lt;workspace&gt;/skills</c> and <c>&lt;state&gt;/skills</c>.
/// </summary>
internal static class SkillsFolderCheck
{
    public const string Id = "skills.writable";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        var folders = new AgentCatalog(context.Loaded.Config, context.Paths).All.Select(a => Path.Combine(a.WorkspacePath, "skills"))
            .Append(Path.Combine(context.Paths.StateDir, "skills"))
            .Distinct(StringComparer.Ordinal);
        var writable = new List<(string Path, UnixFileMode Mode)>();
        foreach (var folder in folders)
        {
            foreach (var path in UnixPermissions.Below(folder).Prepend(folder))
            {
                if (UnixPermissions.ModeOf(path) is { } mode && (mode & UnixPermissions.SharedWrite) != 0)
                {
                    writable.Add((path, mode));
                }
            }
        }
        if (writable.Count == 0)
        {
            yield break;
        }
        var shown = string.Join(", ", writable.Take(3).Select(w => $"{w.Path} ({UnixPermissions.Octal(w.Mode)})")) + (writable.Count > 3 ? $" and {writable.Count - 3} more" : "");
        yield return new SecurityFinding(Id, writable.Any(w => (w.Mode & UnixFileMode.OtherWrite) != 0) ? SecuritySeverity.High : SecuritySeverity.Medium,
            $"skills can be changed by other users: {shown}",
            $"chmod -R go-w '{writable[0].Path}' (or `moltbot security audit --fix`)")
        {
            AutoFix = new SecurityAutoFix($"removed group/other write permission from {writable.Count} skills path(s)", () =>
            {
                foreach (var (path, mode) in writable)
                {
                    UnixPermissions.SetMode(path, mode & ~UnixPermissions.SharedWrite);
                }
            }),
        };
    }
}
