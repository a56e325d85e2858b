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

    private static void CheckProvider(ConfigValues values, List<ConfigIssue> issues, string id)
    {
        var prefix = "models.providers." + id;
        if (!ConfigSchema.BuiltInProviders.ContainsKey(id) && values.Find(prefix + ".baseUrl") is null)
        {
            var first = values.Ordered().First(l => l.Path.StartsWith(prefix + ".", StringComparison.Ordinal));
            issues.Add(At(first, $"Custom provider '{id}' needs a baseUrl.", $"Set {prefix}.baseUrl (e.g. \"http://localhost:4000/v1\"), or use a built-in id: {string.Join(", ", ConfigSchema.BuiltInProviders.Keys)}."));
        }
        if (issues.Any(i => i.Key == prefix + ".api"))
        {
            return;
        }
        var api = values.GetString(prefix + ".api") ?? ConfigSchema.BuiltInProviders.GetValueOrDefault(id);
        if (api is not null)
        {
            return;
        }
        var builtIn = ConfigSuggestions.Closest(id, ConfigSchema.BuiltInProviders.Keys);
        var fix = $"Set {prefix}.api to one of {string.Join(", ", ConfigSchema.Apis)}" + (builtIn is null ? "." : $", or did you mean the built-in provider '{builtIn}'?");
        if (values.Find(prefix + ".apiKey") is { } apiKey)
        {
            issues.Add(At(apiKey, $"Provider '{id}' has an apiKey but no known api: it is not a built-in provider and 'api' is not set.", fix));
        }
        else if (values.Find(prefix + ".baseUrl") is { } baseUrl)
        {
            issues.Add(At(baseUrl, $"Custom provider '{id}' needs 'api' to say which protocol it speaks.", fix));
        }
    }

    private static string Where(ConfigLeaf leaf) => leaf.Source.Kind == ConfigSourceKind.File ? $"line {leaf.Source.Line}" : leaf.Source.ToString();

    private static ConfigIssue At(ConfigLeaf leaf, string message, string fix) =>
        new(leaf.Path, leaf.Source.File, leaf.Source.Line, leaf.Source.Kind == ConfigSourceKind.File ? message : $"{message} (from {leaf.Source})", fix);
}
