namespace MoltBot.Security.AuditChecks;

/// <summary><c>tools.exec.full-unsandboxed</c>: the agent may run any command, on the host, without asking anyone.</summary>
internal static class ExecPolicyCheck
{
    public const string Id = "tools.exec.full-unsandboxed";

    public static IEnumerable<SecurityFinding> Run(SecurityAuditContext context)
    {
        var security = ConfigLookup.Get(context, "tools.exec.security") as string;
        var sandbox = ConfigLookup.Get(context, "tools.exec.sandbox") as bool? ?? false;
        var ask = ConfigLookup.Get(context, "tools.exec.ask") as string;
        if (security == "full" && !sandbox && ask == "off")
        {
            yield return new SecurityFinding(Id, SecuritySeverity.High,
                "tools.exec.security is 'full' with tools.exec.ask 'off' and no sandbox: any message the agent reads can run any command as you",
                "Set tools.exec.sandbox: true, or tools.exec.ask: \"on-miss\" (or \"always\"), or tools.exec.security: \"allowlist\".");
        }
    }
}
