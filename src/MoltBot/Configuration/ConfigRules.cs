using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>Checks that span several keys: unique agent ids, at most one default agent, providers whose API is known.</summary>
internal static class ConfigRules
{
    public static void Check(ConfigValues values, List<ConfigIssue> issues)
    {
        CheckAgents(values, issues);
        foreach (var id in values.MemberNames("models.providers"))
        {
            CheckProvider(values, issues, id);
        }
        CheckDmPolicy(values, issues, "channels.discord.dm");
        CheckDmPolicy(values, issues, "channels.telegram.dm");
        Gateway.Security.IpRangeRules.Check(values, issues);
        McpConfigRules.Check(values, issues);
    }

    /// <summary><c>open</c> lets anyone talk to the agent, so it must be spelled out twice: the policy and <c>allowFrom: ["*"]</c>.</summary>
    private static void CheckDmPolicy(ConfigValues values, List<ConfigIssue> issues, string prefix)
    {
        if (values.Find(prefix + ".policy") is { Value: "open" } policy
            && !(values.GetList(prefix + ".allowFrom")?.Contains("*", StringComparer.Ordinal) ?? false))
        {
            issues.Add(At(policy, "dm.policy 'open' answers anyone, so it also needs an explicit allowFrom: [\"*\"].",
                $"Add {prefix}.allowFrom: [\"*\"], or use 'pairing' (the default) or 'allowlist'."));
        }
    }

    private static void CheckAgents(ConfigValues values, List<ConfigIssue> issues)
    {
        var ids = new Dictionary<string, ConfigLeaf>(StringComparer.Ordinal);
        ConfigLeaf? firstDefault = null;
        for (var i = 0; i < values.Count("agents.list"); i++)
        {
            if (values.Find($"agents.list[{i}].id") is { Value: string id } idLeaf && !ids.TryAdd(id, idLeaf))
            {
                issues.Add(At(idLeaf, $"Duplicate agent id '{id}' (first used at {Where(ids[id])}).", "Give every agent in agents.list a unique id."));
            }
            if (values.Find($"agents.list[{i}].default") is { Value: true } defaultLeaf)
            {
                if (firstDefault is null)
                {
                    firstDefault = defaultLeaf;
                }
                else
                {
                    issues.Add(At(defaultLeaf, $"More than one agent has default: true (also {firstDefault.Path} at {Where(firstDefault)}).", "Mark exactly one agent as default."));
                }
            }
        }
    }

    /// <summary>A custom (not built-in) provider must say where it lives (<c>baseUrl</c>) and what it speaks (<c>api</c>).</summary>
    private static void CheckProvider(ConfigValues values, List<ConfigIssue> issues, string id)
    {
        var prefix = "models.providers." + id;
        if (ConfigSchema.BuiltInProviders.ContainsKey(id))
        {
            return;
        }
        var needsApi = values.Find(prefix + ".api") is null && !issues.Any(i => i.Key == prefix + ".api");
        var needsBaseUrl = values.Find(prefix + ".baseUrl") is null;
        if (!needsApi && !needsBaseUrl)
        {
            return;
        }
        var apiKey = values.Find(prefix + ".apiKey");
        var anchor = apiKey ?? values.Ordered().First(l => l.Path.StartsWith(prefix + ".", StringComparison.Ordinal));
        var missing = string.Join(" and ", new[] { needsApi ? "api" : null, needsBaseUrl ? "baseUrl" : null }.OfType<string>());
        var message = apiKey is not null && needsApi
            ? $"Provider '{id}' has an apiKey but no known api: it is not a built-in provider and 'api' is not set." + (needsBaseUrl ? " It needs a baseUrl too." : "")
            : $"Custom provider '{id}' needs {missing}.";
        var fix = (needsApi ? $"Set {prefix}.api to one of {string.Join(", ", ConfigSchema.Apis)}. " : "")
            + (needsBaseUrl ? $"Set {prefix}.baseUrl (e.g. \"http://localhost:4000/v1\"). " : "")
            + (ConfigSuggestions.Closest(id, ConfigSchema.BuiltInProviders.Keys) is { } builtIn ? $"Or did you mean the built-in provider '{builtIn}'?" : "");
        issues.Add(At(anchor, message, fix.TrimEnd()));
    }

    private static string Where(ConfigLeaf leaf) => leaf.Source.Kind == ConfigSourceKind.File ? $"line {leaf.Source.Line}" : leaf.Source.ToString();

    private static ConfigIssue At(ConfigLeaf leaf, string message, string fix) =>
        new(leaf.Path, leaf.Source.File, leaf.Source.Line, leaf.Source.Kind == ConfigSourceKind.File ? message : $"{message} (from {leaf.Source})", fix);
}
