namespace MoltBot.Agent.Skills;

/// <summary>A loaded skill with its verdict on this machine: ready, disabled, or missing requirements.</summary>
internal sealed record Skill(SkillDefinition Definition, SkillSource Source, IReadOnlyList<SkillCheck> Checks, bool Enabled)
{
    public string Name => Definition.Name;

    /// <summary>Offered to the agent: enabled, and every requirement met (or <c>always: true</c>).</summary>
    public bool IsReady => Enabled && (Definition.Requirements.Always || Checks.All(c => c.Met));

    /// <summary>Why it is not offered, one phrase per reason; empty when ready.</summary>
    public IReadOnlyList<string> Problems =>
        IsReady ? [] : [.. (Enabled ? [] : new[] { $"disabled by skills.entries.{Name}.enabled" }).Concat(Checks.Where(c => !c.Met).Select(c => c.Missing))];
}
