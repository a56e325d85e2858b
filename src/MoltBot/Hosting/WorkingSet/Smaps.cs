using System.Globalization;

namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// Reads the text of <c>/proc/self/smaps</c>: each mapping is the <c>/proc/self/maps</c> line
/// (<c>start-end perms offset dev inode [path]</c>) followed by <c>Name: value kB</c> lines.
/// </summary>
internal static class Smaps
{
    public static IReadOnlyList<ProcessMapping> Parse(string text)
    {
        var mappings = new List<ProcessMapping>();
        ProcessMapping? current = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                continue;
            }
            if (TryParseHeader(line, out var header))
            {
                if (current is not null)
                {
                    mappings.Add(current);
                }
                current = header;
            }
            else if (current is not null && TryParseField(line, out var name, out var kb))
            {
                current = name switch
                {
                    "Rss" => current with { RssKb = kb },
                    "Anonymous" => current with { AnonymousKb = kb },
                    _ => current,
                };
            }
        }
        if (current is not null)
        {
            mappings.Add(current);
        }
        return mappings;
    }

    /// <summary>A value in kB from <c>/proc/self/status</c> (e.g. <c>VmRSS</c>), or null when absent.</summary>
    public static long? StatusKb(string statusText, string name)
    {
        foreach (var line in statusText.AsSpan().EnumerateLines())
        {
            if (TryParseField(line, out var field, out var kb) && field == name)
            {
                return kb;
            }
        }
        return null;
    }

    private static bool TryParseHeader(ReadOnlySpan<char> line, out ProcessMapping mapping)
    {
        mapping = null!;
        Span<Range> fields = stackalloc Range[6];
        // Five fields, then the path (which may contain spaces) as the rest of the line.
        var count = line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 5)
        {
            return false;
        }
        var range = line[fields[0]];
        var dash = range.IndexOf('-');
        if (dash < 1 || range[^1] == ':')
        {
            return false;
        }
        if (!ulong.TryParse(range[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(range[(dash + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            return false;
        }
        var path = count == 6 ? line[fields[5].Start..].Trim().ToString() : "";
        mapping = new ProcessMapping(start, end, line[fields[1]].ToString(), path, 0, 0);
        return true;
    }

    private static bool TryParseField(ReadOnlySpan<char> line, out string name, out long kb)
    {
        name = "";
        kb = 0;
        var colon = line.IndexOf(':');
        if (colon < 1)
        {
            return false;
        }
        var value = line[(colon + 1)..].Trim();
        if (value.EndsWith(" kB", StringComparison.Ordinal))
        {
            value = value[..^3].TrimEnd();
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out kb))
        {
            return false;
        }
        name = line[..colon].ToString();
        return true;
    }
}
