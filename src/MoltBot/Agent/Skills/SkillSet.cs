namespace MoltBot.Agent.Skills;

/// <summary>The skills of one workspace at one moment: every loaded skill (ready or not) and the files that failed to load.</summary>
internal sealed record SkillSet(IReadOnlyList<SkillSource> Sources, IReadOnlyList<Skill> Skills, IReadOnlyList<SkillProblem> Problems)
{
    public IEnumerable<Skill> Ready => Skills.Where(s => s.IsReady);

    public Skill? Find(string name) => Skills.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
