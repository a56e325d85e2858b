namespace MoltBot.Configuration;

/// <summary>
/// Loads the effective configuration. Precedence, highest first: CLI flag, environment, config file, default.
/// The file is JSON5 (<c>~/.moltbot/moltbot.json</c>, moved by <c>MOLTBOT_STATE_DIR</c> / <c>MOLTBOT_CONFIG_PATH</c>); a missing file is fine.
/// </summary>
internal static class ConfigLoader
{
    /// <exception cref="ConfigException">Every problem found, each naming key, file:line and the fix.</exception>
    public static LoadedConfig Load(ConfigLoadRequest request)
    {
        var paths = MoltBotPaths.Resolve(request.Environment);
        string? text;
        try
        {
            text = File.Exists(paths.ConfigPath) ? File.ReadAllText(paths.ConfigPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigIssue("(file)", paths.ConfigPath, null, $"Cannot read the config file: {e.Message}", "Check the file's permissions.")]);
        }
        return Load(request, paths, text);
    }

    /// <summary>Loads with <paramref name="fileText"/> as the config file's content (null: no file). Used to check an edit before writing it.</summary>
    public static LoadedConfig Load(ConfigLoadRequest request, MoltBotPaths paths, string? fileText)
    {
        var issues = new List<ConfigIssue>();
        var values = new ConfigValues();
        var reader = new ConfigFileReader(paths.ConfigPath, request.Environment, values, issues);
        if (fileText is not null)
        {
            reader.Read(fileText);
        }
        ConfigEnvironmentReader.Apply(request.Environment, values, issues);
        ConfigFlagReader.Apply(request.CliOverrides, values, issues);
        ConfigRules.Check(values, issues);
        if (issues.Count > 0)
        {
            throw new ConfigException(issues);
        }
        ConfigDefaults.ApplySchemaDefaults(values);
        var defaultAgent = ConfigDefaults.EnsureDefaultAgent(values);
        ConfigEnvironmentReader.ApplyPersona(request.Environment, values, defaultAgent);
        ConfigDefaults.ApplyDefaultModel(request.Environment, values);
        var leaves = values.Ordered();
        return new LoadedConfig(ConfigRecordBuilder.Build(values), paths, fileText is not null)
        {
            Values = leaves,
            Sources = leaves.ToDictionary(l => l.Path, l => l.Source, StringComparer.Ordinal),
            ExternalSections = reader.ExternalSections,
        };
    }
}
