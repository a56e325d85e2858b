using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;

namespace MoltBot.Agent;

/// <summary>Builds the system prompt from the agent's identity, its tools and the workspace bootstrap files.</summary>
/// <remarks>
/// Every turn needs the prompt and it rarely changes, so the finished prompt is kept per agent together with everything
/// it was built from: the agent's name and workspace, today's date, the visible tool list, each section's text and each
/// bootstrap file's text. Each turn gathers those inputs again (the tool list and the skills section are cached by their
/// owners and return the same instance while unchanged; the files cost one <c>stat</c> each through
/// <see cref="FileTextCache"/>) and reuses the prompt only when every one is the same, so an edit, a new skill, a tool
/// change or midnight shows on the very next turn.
/// </remarks>
internal sealed class SystemPromptBuilder(ToolRegistry tools, TimeProvider timeProvider, IEnumerable<ISystemPromptSection> sections)
{
    private readonly FileTextCache _files = new();
    private readonly ISystemPromptSection[] _sections = [.. sections];
    private readonly ConcurrentDictionary<string, Built> _built = new(StringComparer.Ordinal);

    public string Build(AgentProfile agent)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var visible = tools.For(agent);
        var cached = _built.GetValueOrDefault(agent.Id) is { } known && known.Describes(agent) ? known : null;
        var paths = cached?.Paths ?? BootstrapPaths(agent.WorkspacePath);

        // Every input is gathered every turn; unchanged texts are the same instances (the sections' and FileTextCache's own
        // caches), so comparing them with the cached ones is mostly a reference check.
        var sectionTexts = new string?[_sections.Length];
        for (var i = 0; i < sectionTexts.Length; i++)
        {
            sectionTexts[i] = _sections[i].Build(agent);
        }
        var fileTexts = new string?[paths.Length];
        for (var i = 0; i < fileTexts.Length; i++)
        {
            fileTexts[i] = _files.Read(paths[i]);
        }
        if (cached is not null && cached.Today == today && ReferenceEquals(cached.Tools, visible)
            && sectionTexts.AsSpan().SequenceEqual(cached.Sections) && fileTexts.AsSpan().SequenceEqual(cached.Files))
        {
            return cached.Prompt;
        }

        var built = new Built(agent, today, visible, sectionTexts, paths, fileTexts, Render(agent, today, visible, sectionTexts, fileTexts));
        _built[agent.Id] = built;
        return built.Prompt;
    }

    private static string Render(AgentProfile agent, DateOnly today, IReadOnlyList<AIFunction> visible, string?[] sectionTexts, string?[] fileTexts)
    {
        var prompt = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"You are {agent.Name}, a personal AI assistant running in MoltBot (agent id '{agent.Id}').\n")
            .Append(CultureInfo.InvariantCulture, $"Today is {today:yyyy-MM-dd} (UTC). Your workspace is {agent.WorkspacePath}.\n");
        if (visible.Count > 0)
        {
            prompt.Append("\n## Tools\nCall a tool when it gives a better answer than guessing:\n");
            foreach (var tool in visible.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                prompt.Append(CultureInfo.InvariantCulture, $"- {tool.Name}: {tool.Description}\n");
            }
        }
        foreach (var section in sectionTexts)
        {
            if (section is not null)
            {
                prompt.Append('\n').Append(section.TrimEnd()).Append('\n');
            }
        }
        foreach (var (name, content) in AgentWorkspace.Capped(fileTexts))
        {
            prompt.Append(CultureInfo.InvariantCulture, $"\n## {name}\n{content.TrimEnd()}\n");
        }
        return prompt.ToString();
    }

    private static string[] BootstrapPaths(string workspacePath) =>
        [.. AgentWorkspace.BootstrapFiles.Select(f => Path.Combine(workspacePath, f))];

    /// <summary>A finished prompt and the inputs it was built from.</summary>
    private sealed record Built(
        AgentProfile Agent, DateOnly Today, IReadOnlyList<AIFunction> Tools, string?[] Sections, string[] Paths, string?[] Files, string Prompt)
    {
        public bool Describes(AgentProfile agent) =>
            ReferenceEquals(agent, Agent)
            || (agent.Name == Agent.Name && agent.Id == Agent.Id && agent.WorkspacePath == Agent.WorkspacePath);
    }
}
