using System.Globalization;
using System.Text;
using MoltBot.Agent.Tools;

namespace MoltBot.Agent;

/// <summary>Builds the system prompt from the agent's identity, its tools and the workspace bootstrap files.</summary>
internal sealed class SystemPromptBuilder(ToolRegistry tools, TimeProvider timeProvider, IEnumerable<ISystemPromptSection> sections)
{
    private readonly FileTextCache _files = new();

    public string Build(AgentProfile agent)
    {
        var workspace = new AgentWorkspace(agent.WorkspacePath);
        var prompt = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"You are {agent.Name}, a personal AI assistant running in MoltBot (agent id '{agent.Id}').\n")
            .Append(CultureInfo.InvariantCulture, $"Today is {timeProvider.GetUtcNow():yyyy-MM-dd} (UTC). Your workspace is {agent.WorkspacePath}.\n");
        var visible = tools.For(agent);
        if (visible.Count > 0)
        {
            prompt.Append("\n## Tools\nCall a tool when it gives a better answer than guessing:\n");
            foreach (var tool in visible.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                prompt.Append(CultureInfo.InvariantCulture, $"- {tool.Name}: {tool.Description}\n");
            }
        }
        foreach (var section in sections.Select(s => s.Build(agent)).OfType<string>())
        {
            prompt.Append('\n').Append(section.TrimEnd()).Append('\n');
        }
        foreach (var (name, content) in workspace.ReadBootstrapFiles(_files))
        {
            prompt.Append(CultureInfo.InvariantCulture, $"\n## {name}\n{content.TrimEnd()}\n");
        }
        return prompt.ToString();
    }
}
