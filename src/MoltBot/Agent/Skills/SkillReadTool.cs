using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Web;

namespace MoltBot.Agent.Skills;

/// <summary><c>skill_read</c>: the full SKILL.md of a ready skill, by name (<c>{baseDir}</c> replaced by the skill's folder).</summary>
internal sealed class SkillReadTool(SkillCatalog catalog, AgentCatalog agents) : AIFunction
{
    /// <summary>A SKILL.md is instructions, not a book: past this it is cut.</summary>
    public const int MaxChars = 40_000;

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "description": "The skill's name as listed under Skills in the system prompt." }
          },
          "required": ["name"]
        }
        """).RootElement.Clone();

    public override string Name => "skill_read";

    public override string Description => "Reads the instructions (SKILL.md) of one of your skills, by name. Do this before using a skill.";

    public override JsonElement JsonSchema => Schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var name = WebToolArguments.String(arguments, "name")?.Trim();
        var agent = ToolContext.From(arguments)?.Agent ?? agents.Default;
        var skills = catalog.Load(agent.WorkspacePath);
        if (string.IsNullOrEmpty(name) || skills.Find(name) is not { } skill)
        {
            var ready = skills.Ready.Select(s => s.Name).ToList();
            return $"Error: there is no skill named '{name}'. Skills: {(ready.Count == 0 ? "none" : string.Join(", ", ready))}.";
        }
        if (!skill.IsReady)
        {
            return $"Error: skill '{skill.Name}' is not available here: {string.Join("; ", skill.Problems)}.";
        }
        var text = await File.ReadAllTextAsync(skill.Definition.FilePath, cancellationToken);
        text = text.Replace("{baseDir}", skill.Definition.Folder, StringComparison.Ordinal);
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars] + $"\n…[truncated: the file has {text.Length} characters]";
        }
        return $"{skill.Definition.FilePath}\n{text}";
    }
}
