using System.Globalization;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

/// <summary>Applies CLI flag values (key path to text) over everything else, parsed and checked by the schema type.</summary>
internal static class ConfigFlagReader
{
    public static void Apply(IReadOnlyDictionary<string, string> overrides, ConfigValues values, List<ConfigIssue> issues)
    {
        foreach (var (path, raw) in overrides)
        {
            var key = ConfigSchema.Resolve(path, out var error);
            if (key is null)
            {
                issues.Add(new ConfigIssue(path, null, null, $"Flag sets {error}", null));
                continue;
            }
            var source = ConfigValueSource.FromFlag(key.Flag ?? "--" + path);
            var (targetKey, targetPath) = key.Kind == ConfigValueKind.ModelSelection
                ? (ConfigSchema.Find(key.Path + ".primary")!, path + ".primary")
                : (key, path);
            if (Parse(targetKey, raw) is { } value)
            {
                values.Set(targetPath, targetKey, value, source);
            }
            else
            {
                issues.Add(new ConfigIssue(path, null, null, $"{source} '{raw}' is not valid: expected {ConfigFileReader.Expected(targetKey)}.", $"Pass {ConfigFileReader.Expected(targetKey)}."));
            }
        }
    }

    /// <summary>Parses flag text for a leaf key; null when it does not fit the type.</summary>
    public static object? Parse(ConfigKey key, string raw) => key.Kind switch
    {
        ConfigValueKind.Integer => long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && !(n < key.Min) && !(n > key.Max) ? n : null,
        ConfigValueKind.Number => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && !(d < key.Min) ? d : null,
        ConfigValueKind.Boolean => bool.TryParse(raw, out var b) ? b : null,
        ConfigValueKind.Enum => key.Allowed.Contains(raw, StringComparer.Ordinal) ? raw : null,
        ConfigValueKind.BindAddress => ConfigSchema.IsValidBind(raw) ? raw : null,
        ConfigValueKind.String or ConfigValueKind.Secret => raw,
        ConfigValueKind.StringList => raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => null,
    };
}
