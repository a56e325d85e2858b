namespace MoltBot.Agent.Skills;

/// <summary>
/// What a skill needs to work, from its <c>metadata</c> (<c>metadata.openclaw.requires</c>, or plain <c>metadata.requires</c>):
/// programs on PATH (all of <see cref="Bins"/>, one of <see cref="AnyBins"/>), environment variables, and operating systems.
/// </summary>
/// <param name="Always">OpenClaw's <c>always: true</c>: offered whatever the gates say.</param>
internal sealed record SkillRequirements(
    IReadOnlyList<string> Bins,
    IReadOnlyList<string> AnyBins,
    IReadOnlyList<string> Env,
    IReadOnlyList<string> Os,
    bool Always = false)
{
    public static readonly SkillRequirements None = new([], [], [], []);

    public bool IsEmpty => Bins.Count == 0 && AnyBins.Count == 0 && Env.Count == 0 && Os.Count == 0;
}
