namespace MoltBot.Agent.Skills;

/// <summary>Checks a skill's requirements on a <see cref="SkillHost"/>; each unmet one becomes a sentence for <c>skills check</c>.</summary>
internal static class SkillGate
{
    private static readonly Dictionary<string, string> OsAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["macos"] = "darwin", ["mac"] = "darwin", ["osx"] = "darwin", ["windows"] = "win32", ["win"] = "win32",
    };

    /// <param name="extraEnvironment">Variables from <c>skills.entries.&lt;name&gt;.env</c>, which count as set.</param>
    public static IReadOnlyList<SkillCheck> Check(SkillRequirements requirements, SkillHost host, IReadOnlyCollection<string> extraEnvironment)
    {
        var checks = new List<SkillCheck>();
        foreach (var bin in requirements.Bins)
        {
            checks.Add(new SkillCheck($"bin `{bin}` on PATH", host.HasProgram(bin)));
        }
        if (requirements.AnyBins.Count > 0)
        {
            checks.Add(new SkillCheck($"one of bins {string.Join(", ", requirements.AnyBins.Select(b => $"`{b}`"))} on PATH", requirements.AnyBins.Any(host.HasProgram)));
        }
        foreach (var variable in requirements.Env)
        {
            checks.Add(new SkillCheck($"env `{variable}`", extraEnvironment.Contains(variable) || !string.IsNullOrEmpty(host.GetEnvironmentVariable(variable))));
        }
        if (requirements.Os.Count > 0)
        {
            var wanted = requirements.Os.Select(o => OsAliases.GetValueOrDefault(o, o.ToLowerInvariant())).ToList();
            checks.Add(new SkillCheck($"os {string.Join(" or ", wanted)} (this is {host.Os})", wanted.Contains(host.Os, StringComparer.Ordinal)));
        }
        return checks;
    }
}
