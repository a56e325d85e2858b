using MoltBot.Configuration.Schema;

namespace MoltBot.Tests.Configuration;

/// <summary>Renders the generated tables of <c>docs/configuration.md</c> from <see cref="ConfigSchema"/>.</summary>
internal static class ConfigReferenceMarkdown
{
    public static string KeysTable()
    {
        var lines = new List<string> { "| Key | Type | Default | Environment | Description |", "|---|---|---|---|---|" };
        foreach (var key in ConfigSchema.Keys.Where(k => k.Kind is not (ConfigValueKind.Legacy or ConfigValueKind.External)))
        {
            var env = ConfigEnvironmentVariables.All.Where(v => (v.Affects ?? (v.Target is null ? null : ConfigSchema.Resolve(v.Target, out _)?.Path)) == key.Path).Select(v => $"`{v.Name}`");
            var flag = key.Flag is null ? "" : $" Flag: `{key.Flag}`.";
            lines.Add($"| `{key.Path}` | {Type(key)} | {Default(key)} | {string.Join(", ", env)} | {key.Description}{flag} |");
        }
        return string.Join('\n', lines);
    }

    public static string SectionsList() =>
        string.Join('\n', ConfigSchema.Keys.Where(k => k.Kind == ConfigValueKind.External).Select(k => $"- `{k.Path}`: {k.Description}"));

    public static string EnvironmentTable()
    {
        var lines = new List<string> { "| Variable | Sets | Description |", "|---|---|---|" };
        lines.AddRange(ConfigEnvironmentVariables.All.Select(v => $"| `{v.Name}` | {(v.Target is null ? "" : $"`{v.Target}`")} | {v.Description} |"));
        return string.Join('\n', lines);
    }

    private static string Default(ConfigKey key) => key.DefaultText switch
    {
        null => "",
        var d when key.DefaultValue is null && d.Contains(' ', StringComparison.Ordinal) => d,
        var d => $"`{d}`",
    };

    private static string Type(ConfigKey key) => key.Kind switch
    {
        ConfigValueKind.Section => "object",
        ConfigValueKind.Map => key.Path.EndsWith("headers", StringComparison.Ordinal) ? "map of string" : "map of object",
        ConfigValueKind.List => "array of object",
        ConfigValueKind.Secret => "string \\| secret ref (secret)",
        ConfigValueKind.Integer => key.Max is null ? $"integer ≥ {key.Min}" : $"integer {key.Min}–{key.Max}",
        ConfigValueKind.Number => $"number ≥ {key.Min}",
        ConfigValueKind.Boolean => "boolean",
        ConfigValueKind.Enum => string.Join(" \\| ", key.Allowed.Select(a => $"`{a}`")),
        ConfigValueKind.BindAddress => "`loopback` \\| `lan` \\| IP address",
        ConfigValueKind.StringList => "array of string",
        ConfigValueKind.ModelSelection => "string \\| `{primary, fallbacks}`",
        _ => "string",
    };
}
