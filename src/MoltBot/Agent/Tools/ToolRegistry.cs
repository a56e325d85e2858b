using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>The tools an agent may call. Later features (exec, files, web, memory, MCP) register here.</summary>
internal sealed class ToolRegistry(IEnumerable<AIFunction> tools)
{
    private readonly Dictionary<string, AIFunction> _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<AIFunction> All => _byName.Values;

    public AIFunction? Find(string name) => _byName.GetValueOrDefault(name);
}
