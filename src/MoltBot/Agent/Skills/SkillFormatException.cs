namespace MoltBot.Agent.Skills;

/// <summary>A SKILL.md that cannot be read; <see cref="Line"/> is 1-based in the file.</summary>
internal sealed class SkillFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
