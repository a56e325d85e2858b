namespace MoltBot.Configuration;

/// <summary>Builds <see cref="McpConfig"/> from the <c>mcp.*</c> leaves.</summary>
internal static class McpConfigBuilder
{
    public static McpConfig Build(ConfigValues values) => new()
    {
        Servers = values.MemberNames("mcp.servers").ToDictionary(name => name, name => Server(values, "mcp.servers." + name), StringComparer.Ordinal),
    };

    private static McpServerConfig Server(ConfigValues values, string path) => new()
    {
        Enabled = values.GetBoolean(path + ".enabled") ?? true,
        Command = values.GetString(path + ".command"),
        Args = values.GetList(path + ".args") ?? [],
        Env = Secrets(values, path + ".env"),
        Url = values.GetString(path + ".url"),
        Headers = Secrets(values, path + ".headers"),
        TimeoutSeconds = (int)(values.GetInteger(path + ".timeoutSeconds") ?? McpServerConfig.DefaultTimeoutSeconds),
        AskAlways = values.GetString(path + ".ask") == ExecConfig.AskAlways,
    };

    private static Dictionary<string, SecretValue> Secrets(ConfigValues values, string path) =>
        values.MemberNames(path).ToDictionary(name => name, name => WebToolsConfigBuilder.Secret(values, $"{path}.{name}")!, StringComparer.Ordinal);
}
