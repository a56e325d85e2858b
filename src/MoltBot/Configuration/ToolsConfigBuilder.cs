namespace MoltBot.Configuration;

/// <summary>Builds <see cref="ToolsConfig"/> from the effective leaves (called by <see cref="ConfigRecordBuilder"/>).</summary>
internal static class ToolsConfigBuilder
{
    public static ToolsConfig Build(ConfigValues values)
    {
        var defaults = new ExecConfig();
        return new ToolsConfig
        {
            Allow = values.GetList("tools.allow") ?? [],
            Deny = values.GetList("tools.deny") ?? [],
            Exec = new ExecConfig
            {
                Security = values.GetString("tools.exec.security") ?? defaults.Security,
                Ask = values.GetString("tools.exec.ask") ?? defaults.Ask,
                Allowlist = values.GetList("tools.exec.allowlist") ?? [],
                TimeoutSeconds = (int)(values.GetInteger("tools.exec.timeoutSeconds") ?? defaults.TimeoutSeconds),
                MaxTimeoutSeconds = (int)(values.GetInteger("tools.exec.maxTimeoutSeconds") ?? defaults.MaxTimeoutSeconds),
                ApprovalTimeoutSeconds = (int)(values.GetInteger("tools.exec.approvalTimeoutSeconds") ?? defaults.ApprovalTimeoutSeconds),
                MaxOutputBytes = (int)(values.GetInteger("tools.exec.maxOutputBytes") ?? defaults.MaxOutputBytes),
                Sandbox = values.GetBoolean("tools.exec.sandbox") ?? false,
                Network = values.GetBoolean("tools.exec.network") ?? false,
            },
            Web = WebToolsConfigBuilder.Build(values),
        };
    }

    public static ToolPolicyConfig Policy(ConfigValues values, string path) => new()
    {
        Allow = values.GetList(path + ".allow") ?? [],
        Deny = values.GetList(path + ".deny") ?? [],
    };
}
