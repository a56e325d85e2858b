namespace MoltBot.Agent.Skills;

/// <summary>A parsed <c>SKILL.md</c>: its name and description (what the model sees), where it is, and what it requires.</summary>
/// <param name="FilePath">Full path of the SKILL.md.</param>
internal sealed record SkillDefinition(string Name, string Description, string FilePath, SkillRequirements Requirements)
{
    public string Folder => Path.GetDirectoryName(FilePath)!;
}
