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
        var cached = _built.GetValueOrDefault(agent.Id);
        if (cached is null || !cached.Describes(agent))
        {
            cached = null;
        }
        var paths = cached?.Paths ?? BootstrapPaths(agent.WorkspacePath);
        var same = cached is not null && cached.Today == today && ReferenceEquals(cached.Tools, visible);

        // Every input is gathered every turn, even once a difference is found, so the rebuild uses what was just read.
        string?[]? sectionTexts = null;
        for (var i = 0; i < _sections.Length; i++)
        {
            var text = _sections[i].Build(agent);
            if (same && !string.Equals(text, cached!.Sections[i], StringComparison.Ordinal))
            {
                same = false;
            }
            if (!same)
            {
                sectionTexts ??= Prefix(cached?.Sections, i, _sections.Length);
                sectionTexts[i] = text;
            }
        }
        string?[]? fileTexts = null;
        for (var i = 0; i < paths.Length; i++)
        {
            var text = _files.Read(paths[i]);
            if (same && !ReferenceEquals(text, cached!.Files[i]))
            {
                same = false;
            }
            if (!same)
            {
                fileTexts ??= Prefix(cached?.Files, i, paths.Length);
                fileTexts[i] = text;
            }
        }
        if (same)
        {
            return cached!.Prompt;
        }

        // Null here only when there is nothing to gather (no sections), or every one was equal to the cached ones.
        sectionTexts ??= cached?.Sections ?? [];
        fileTexts ??= cached?.Files ?? [];
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

    /// <summary>A new array of <paramref name="length"/> holding the first <paramref name="count"/> inputs already found equal.</summary>
    private static string?[] Prefix(string?[]? cached, int count, int length)
    {
        var texts = new string?[length];
        if (cached is not null)
        {
            Array.Copy(cached, texts, count);
        }
        return texts;
    }

    /// <summary>A finished prompt and the inputs it was built from.</summary>
    private sealed record Built(
        AgentProfile Agent, DateOnly Today, IReadOnlyList<AIFunction> Tools, string?[] Sections, string[] Paths, string?[] Files, string Prompt)
    {
        public bool Describes(AgentProfile agent) =>
            ReferenceEquals(agent, Agent)
            || (agent.Name == Agent.Name && agent.Id == Agent.Id && agent.WorkspacePath == Agent.WorkspacePath);
    }
}
