namespace MoltBot.Configuration;

/// <summary>Each <c>mcp.servers.&lt;name&gt;</c> has a usable name and exactly one of <c>command</c> (stdio) or <c>url</c> (HTTP).</summary>
internal static class McpConfigRules
{
    public static void Check(ConfigValues values, List<ConfigIssue> issues)
    {
        foreach (var name in values.MemberNames("mcp.servers"))
        {
            var prefix = "mcp.servers." + name;
            var anchor = values.Ordered().First(l => l.Path.StartsWith(prefix + ".", StringComparison.Ordinal));
            if (!IsValidName(name))
            {
                issues.Add(At(anchor, $"MCP server name '{name}' cannot be part of a tool name.",
                    "Use letters, digits, '-' and single '_' only (tools appear as <name>__<tool>)."));
            }
            var command = values.Find(prefix + ".command");
            var url = values.Find(prefix + ".url");
            if (command is not null && url is not null)
            {
                issues.Add(At(url, $"MCP server '{name}' has both command and url.", $"Keep {prefix}.command for a local (stdio) server or {prefix}.url for a remote (HTTP) one."));
            }
            else if (command is null && url is null)
            {
                issues.Add(At(anchor, $"MCP server '{name}' has neither command nor url.", $"Set {prefix}.command (e.g. \"npx\") or {prefix}.url (e.g. \"https://mcp.example.com/mcp\")."));
            }
            else if (url is { Value: string u } && !(Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                issues.Add(At(url, $"MCP server '{name}' has url '{u}', which is not an http(s) URL.", "Use an absolute http:// or https:// URL."));
            }
        }
    }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !name.Contains("__", StringComparison.Ordinal);

    private static ConfigIssue At(ConfigLeaf leaf, string message, string fix) =>
        new(leaf.Path, leaf.Source.File, leaf.Source.Line, leaf.Source.Kind == ConfigSourceKind.File ? message : $"{message} (from {leaf.Source})", fix);
}
