using System.Globalization;

namespace MoltBot.Configuration.Schema;

/// <summary>Dotted key paths with list indexes: <c>agents.list[0].identity.name</c>.</summary>
internal static class ConfigPath
{
    public static bool TryParse(string path, out IReadOnlyList<ConfigPathSegment> segments)
    {
        var result = new List<ConfigPathSegment>();
        segments = result;
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0 || result.Count == 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return false;
                }
                result.Add(new ConfigPathSegment(null, index));
                i = close + 1;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                    if (i == path.Length)
                    {
                        return false;
                    }
                }
                continue;
            }
            var end = path.IndexOfAny(['.', '['], i);
            end = end < 0 ? path.Length : end;
            if (end == i)
            {
                return false;
            }
            result.Add(new ConfigPathSegment(path[i..end], null));
            i = end;
            if (i < path.Length && path[i] == '.')
            {
                i++;
                if (i == path.Length)
                {
                    return false;
                }
            }
        }
        return result.Count > 0;
    }

    public static string Append(string path, ConfigPathSegment segment) =>
        segment.Index is { } index ? $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]"
        : path.Length == 0 ? segment.Name! : path + "." + segment.Name;

    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Item(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
}
