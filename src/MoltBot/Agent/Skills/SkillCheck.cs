namespace MoltBot.Agent.Skills;

/// <summary>One requirement and whether this machine meets it, e.g. <c>bin `ffmpeg` on PATH</c>.</summary>
internal sealed record SkillCheck(string Requirement, bool Met)
{
    /// <summary>"needs bin `ffmpeg` on PATH".</summary>
    public string Missing => "needs " + Requirement;
}
