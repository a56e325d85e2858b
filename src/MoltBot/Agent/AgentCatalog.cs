using MoltBot.Configuration;

namespace MoltBot.Agent;

/// <summary>The configured agents (<c>agents.list[]</c> over <c>agents.defaults</c>); always at least <c>main</c>.</summary>
internal sealed class AgentCatalog
{
    public const string DefaultAgentId = "main";
    public const string DefaultName = "MoltBot";

    private readonly Dictionary<string, AgentProfile> _byId = new(StringComparer.Ordinal);

    public AgentCatalog(MoltBotConfig config, MoltBotPaths paths)
    {
        var defaults = config.Agents.Defaults;
        var entries = config.Agents.List.Count > 0 ? config.Agents.List : [new AgentEntry { Id = DefaultAgentId, Default = true }];
        var defaultId = entries.FirstOrDefault(e => e.Default)?.Id ?? entries[0].Id;
        All = entries.Select(e =>
        {
            var model = e.Model ?? defaults.Model;
            var refs = model.Primary is { Length: > 0 } primary ? new[] { primary }.Concat(model.Fallbacks).ToList() : [];
            var workspace = e.Workspace ?? (e.Id == defaultId ? defaults.Workspace : null)
                ?? (e.Id == defaultId ? paths.DefaultWorkspace : Path.Combine(paths.StateDir, "workspace-" + e.Id));
            return new AgentProfile(e.Id, e.Identity.Name ?? DefaultName, Path.GetFullPath(MoltBotPaths.ExpandHome(workspace)), refs, e.Id == defaultId);
        }).ToList();
        Default = All.First(a => a.IsDefault);
        foreach (var agent in All)
        {
            _byId.TryAdd(agent.Id, agent); // the first of an id wins, as a search of the list would find it
        }
    }

    public IReadOnlyList<AgentProfile> All { get; }

    public AgentProfile Default { get; }

    public AgentProfile? Find(string id) => _byId.GetValueOrDefault(id);
}
