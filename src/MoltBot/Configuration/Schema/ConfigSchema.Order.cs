using System.Globalization;

namespace MoltBot.Configuration.Schema;

internal static partial class ConfigSchema
{
    private static readonly Dictionary<string, int> Positions = Keys.Select((k, i) => (k.Path, i)).ToDictionary(x => x.Path, x => x.i, StringComparer.Ordinal);

    /// <summary>A string that sorts paths in schema order: sections as listed, map members by name, list items by index.</summary>
    public static string SortKey(string path)
    {
        if (!ConfigPath.TryParse(path, out var segments))
        {
            return "~" + path;
        }
        var parts = new List<string>();
        var pattern = "";
        var kind = ConfigValueKind.Section;
        foreach (var segment in segments)
        {
            if (segment.Index is { } index)
            {
                pattern += "[]";
                parts.Add(index.ToString("D6", CultureInfo.InvariantCulture));
            }
            else if (kind == ConfigValueKind.Map)
            {
                pattern += ".*";
                parts.Add("~" + segment.Name);
            }
            else
            {
                pattern = pattern.Length == 0 ? segment.Name! : pattern + "." + segment.Name;
                parts.Add(Positions.TryGetValue(pattern, out var position) ? position.ToString("D4", CultureInfo.InvariantCulture) : "~" + segment.Name);
            }
            kind = Find(pattern)?.Kind ?? ConfigValueKind.Section;
        }
        return string.Join('\u0001', parts);
    }
}
