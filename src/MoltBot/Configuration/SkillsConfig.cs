namespace MoltBot.Configuration;

/// <summary><c>skills.*</c>: extra skill folders and per-skill switches.</summary>
internal sealed record SkillsConfig
{
    /// <summary><c>skills.load.extraDirs</c>, <c>~</c> expanded; lowest precedence.</summary>
    public IReadOnlyList<string> ExtraDirs { get; init; } = [];

    /// <summary><c>skills.entries.&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, SkillEntryConfig> Entries { get; init; } = new Dictionary<string, SkillEntryConfig>();
}

internal sealed record SkillEntryConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Variables that satisfy the skill's <c>requires.env</c> (values are secrets).</summary>
    public IReadOnlyDictionary<string, SecretValue> Env { get; init; } = new Dictionary<string, SecretValue>();
}
