namespace MoltBot.Security.AuditChecks;

/// <summary>
/// <c>moltbot security audit</c>: every check, in one list. Each returns zero or more findings with a stable id
/// (<c>gateway.bind.no-token</c>, <c>channels.discord.dm.open</c>, ...); passing checks return nothing.
/// </summary>
internal static class SecurityAudit
{
    public static IReadOnlyList<SecurityFinding> Run(SecurityAuditContext context) =>
    [
        .. new IEnumerable<SecurityFinding>[]
        {
            GatewayTokenChecks.Run(context),
            ControlUiOriginsCheck.Run(context),
            ChannelExposureChecks.Run(context),
            ExecPolicyCheck.Run(context),
            StatePermissionsCheck.Run(context),
            InlineSecretsCheck.Run(context),
            SkillsFolderCheck.Run(context),
        }
        .SelectMany(findings => findings)
        .OrderByDescending(f => f.Severity)
        .ThenBy(f => f.Id, StringComparer.Ordinal),
    ];
}
