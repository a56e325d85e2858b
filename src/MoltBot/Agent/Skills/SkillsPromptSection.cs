using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace MoltBot.Agent.Skills;

/// <summary>
/// The skills part of the system prompt: only each ready skill's name, description and SKILL.md path; the agent reads
/// the file when it decides to use one. Also says how to write a new skill, since that is how the owner teaches it.
/// </summary>
/// <remarks>
/// The text depends only on the loaded <see cref="SkillSet"/>, and the catalog returns the same set until a skill folder
/// or file changes, so the text is kept per set instance: a new set (any change) is rendered again.
/// </remarks>
internal sealed class SkillsPromptSection(SkillCatalog catalog) : ISystemPromptSection
{
    private readonly ConditionalWeakTable<SkillSet, string> _texts = [];

    public string? Build(AgentProfile agent) => _texts.GetValue(catalog.Load(agent.WorkspacePath), Render);

    private static string Render(SkillSet set)
    {
        var ready = set.Ready.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var text = new StringBuilder("## Skills\n");
        if (ready.Count == 0)
        {
            text.Append("No skills are installed yet.\n");
        }
        else
        {
            text.Append("Skills are step-by-step instructions for particular tasks. When a request matches a skill's description, ")
                .Append("first read its SKILL.md (the `read` tool with the path, or `skill_read` with the name) and follow it. Read only the skills you use.\n");
            foreach (var skill in ready)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {skill.Name}: {skill.Definition.Description} ({skill.Definition.FilePath})\n");
            }
        }
        text.Append("To learn a new skill when the owner asks, write skills/<name>/SKILL.md in your workspace: a front matter block ")
            .Append("between '---' lines with `name:` and `description:` (when to use it), then the instructions in markdown. It is available from the next message on.\n");
        return text.ToString();
    }
}
