using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools.Policy;

namespace MoltBot.Agent.Tools;

/// <summary>The tools an agent may call: the built-in ones (registered as <see cref="AIFunction"/> services) plus dynamic <see cref="IToolSource"/>s.</summary>
/// <remarks>
/// Every turn asks for an agent's tools twice (prompt and request), so the merged and filtered lists are kept and reused
/// while every source still returns the same <see cref="IToolSource.Tools"/> instance; a source that changes its tools
/// changes that instance, and the next call rebuilds. The policy is fixed for the life of the process (it comes from the
/// config this registry was built with).
/// </remarks>
internal sealed class ToolRegistry(IEnumerable<AIFunction> tools, IEnumerable<IToolSource>? sources = null, ToolPolicy? policy = null)
{
    private readonly Dictionary<string, AIFunction> _builtIn = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    private readonly IToolSource[] _sources = sources?.ToArray() ?? [];
    private readonly ConcurrentDictionary<string, Visible> _visible = new(StringComparer.Ordinal);
    private volatile MergedTools? _merged;

    /// <summary>Built-in tools first; a dynamic tool never shadows a built-in one. The same instance while nothing changed.</summary>
    public IReadOnlyCollection<AIFunction> All
    {
        get
        {
            if (_sources.Length == 0)
            {
                return _builtIn.Values;
            }
            if (_merged is { } merged && merged.IsCurrent(_sources))
            {
                return merged.Tools;
            }
            var fresh = MergedTools.From(_sources, parts =>
            {
                var all = new Dictionary<string, AIFunction>(_builtIn, StringComparer.Ordinal);
                foreach (var tool in parts.SelectMany(p => p))
                {
                    all.TryAdd(tool.Name, tool);
                }
                return [.. all.Values];
            });
            _merged = fresh;
            return fresh.Tools;
        }
    }

    /// <summary>
    /// The tools <paramref name="agent"/> may use (<c>tools.allow</c>/<c>tools.deny</c>): what the model is shown.
    /// The same instance while the tool set is unchanged; callers must not mutate it.
    /// </summary>
    public IReadOnlyList<AIFunction> For(AgentProfile agent)
    {
        var all = All;
        if (_visible.TryGetValue(agent.Id, out var cached) && ReferenceEquals(cached.From, all))
        {
            return cached.Tools;
        }
        var visible = new List<AIFunction>(all.Count);
        foreach (var tool in all)
        {
            if (IsAllowed(agent, tool.Name))
            {
                visible.Add(tool);
            }
        }
        AIFunction[] result = [.. visible];
        _visible[agent.Id] = new Visible(all, result);
        return result;
    }

    public bool IsAllowed(AgentProfile agent, string name) => policy?.IsAllowed(agent.Id, name) ?? true;

    public AIFunction? Find(string name) =>
        _builtIn.GetValueOrDefault(name) ?? _sources.SelectMany(s => s.Tools).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>An agent's visible tools, filtered from <see cref="From"/>.</summary>
    private sealed record Visible(IReadOnlyCollection<AIFunction> From, AIFunction[] Tools);
}
