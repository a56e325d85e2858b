namespace MoltBot.Configuration;

/// <summary>Builds <see cref="SkillsConfig"/> from the <c>skills.*</c> leaves.</summary>
internal static class SkillsConfigBuilder
{
    public static SkillsConfig Build(ConfigValues values) => new()
    {
        ExtraDirs = [.. (values.GetList("skills.load.extraDirs") ?? []).Select(MoltBotPaths.ExpandHome)],
        Entries = values.MemberNames("skills.entries").ToDictionary(name => name, name => new SkillEntryConfig
        {
            Enabled = values.GetBoolean($"skills.entries.{name}.enabled") ?? true,
            Env = values.MemberNames($"skills.entries.{name}.env").ToDictionary(
                variable => variable,
                variable => WebToolsConfigBuilder.Secret(values, $"skills.entries.{name}.env.{variable}")!,
                StringComparer.Ordinal),
        }, StringComparer.Ordinal),
    };
}
