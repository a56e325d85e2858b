namespace MoltBot.Agent.Skills;

/// <summary>A SKILL.md that could not be loaded: the file, the 1-based line, and why.</summary>
internal sealed record SkillProblem(string FilePath, int Line, string Message)
{
    public override string ToString() => $"{FilePath}:{Line}: {Message}";
}
