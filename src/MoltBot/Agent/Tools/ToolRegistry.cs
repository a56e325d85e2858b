using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools.Policy;

namespace MoltBot.Agent.Tools;

/// <summary>The tools an agent may call: the built-in ones (registered as <see cref="AIFunction"/> services) plus dynamic <see cref="IToolSource"/>s.</summary>
internal sealed class ToolRegistry(IEnumerable<AIFunction> tools, IEnumerable<IToolSource>? sources = null, ToolPolicy? policy = null)
{
    private readonly Dictionary<string, AIFunction> _builtIn = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    private readonly IToolSource[] _sources = sources?.ToArray() ?? [];

    /// <summary>Built-in tools first; a dynamic tool never shadows a built-in one.</summary>
    public IReadOnlyCollection<AIFunction> All
    {
        get
        {
            if (_sources.Length == 0)
            {
                return _builtIn.Values;
            }
            var all = new Dictionary<string, AIFunction>(_builtIn, StringComparer.Ordinal);
            foreach (var tool in _sources.SelectMany(s => s.Tools))
            {
                all.TryAdd(tool.Name, tool);
            }
            return all.Values;
        }
    }

    /// <summary>The tools <paramref name="agent"/> may use (<c>tools.allow</c>/<c>tools.deny</c>): what the model is shown.</summary>
    public IReadOnlyList<AIFunction> For(AgentProfile agent) => [.. All.Where(t => IsAllowed(agent, t.Name))];

    public bool IsAllowed(AgentProfile agent, string name) => policy?.IsAllowed(agent.Id, name) ?? true;

    public AIFunction? Find(string name) =>
        _builtIn.GetValueOrDefault(name) ?? _sources.SelectMany(s => s.Tools).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
