using MoltBot.Configuration;
using MoltBot.Providers;

namespace MoltBot.Agent;

/// <summary>
/// Checks every agent's model refs before the gateway starts, so a mistyped model id stops start-up with the
/// closest valid refs instead of surfacing in a log on the first message (the seed's "Unknown model" trap).
/// </summary>
internal static class AgentModelValidator
{
    /// <exception cref="ConfigException">One issue per bad ref, naming the key and where it was set.</exception>
    public static void Validate(LoadedConfig loaded, ModelRouter router)
    {
        var issues = new List<ConfigIssue>();
        var selections = new List<(string Key, ModelSelection Selection)> { ("agents.defaults.model", loaded.Config.Agents.Defaults.Model) };
        selections.AddRange(loaded.Config.Agents.List
            .Select((agent, i) => (Key: $"agents.list[{i}].model", agent.Model))
            .Where(s => s.Model is not null)
            .Select(s => (s.Key, s.Model!)));

        foreach (var (key, selection) in selections)
        {
            var refs = new[] { (Key: key + ".primary", Ref: selection.Primary) }
                .Concat(selection.Fallbacks.Select((r, i) => (Key: $"{key}.fallbacks[{i}]", Ref: (string?)r)));
            foreach (var (refKey, modelRef) in refs)
            {
                if (modelRef is null)
                {
                    continue;
                }
                try
                {
                    router.Parse(modelRef);
                }
                catch (ModelRefException ex)
                {
                    var source = loaded.Sources.GetValueOrDefault(refKey) ?? loaded.Sources.GetValueOrDefault(key + ".fallbacks");
                    var where = source?.Kind == ConfigSourceKind.Environment ? $" (set by {source})" : "";
                    issues.Add(new ConfigIssue(refKey, source?.File, source?.Line, ex.Message + where,
                        "Use a ref from `moltbot models list`, written provider/model-id."));
                }
            }
        }
        if (issues.Count > 0)
        {
            throw new ConfigException(issues);
        }
    }
}
