using System.Text;

namespace MoltBot.Configuration;

/// <summary><c>${VAR}</c> in string values: uppercase names only (<c>[A-Z_][A-Z0-9_]*</c>); <c>$${X}</c> writes a literal <c>${X}</c>.</summary>
internal static class ConfigSubstitution
{
    /// <returns>The expanded string, or null when a variable is not set (named in <paramref name="missing"/>).</returns>
    public static string? Expand(string value, IReadOnlyDictionary<string, string?> environment, out string? missing)
    {
        missing = null;
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '$' && i + 2 < value.Length && value[i + 1] == '$' && value[i + 2] == '{' && NameEnd(value, i + 3) is { } escapedEnd)
            {
                sb.Append(value, i + 1, escapedEnd - i);
                i = escapedEnd + 1;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{' && NameEnd(value, i + 2) is { } end)
            {
                var name = value[(i + 2)..end];
                if (environment.GetValueOrDefault(name) is not { } replacement)
                {
                    missing = name;
                    return null;
                }
                sb.Append(replacement);
                i = end + 1;
            }
            else
            {
                sb.Append(value[i++]);
            }
        }
        return sb.ToString();
    }

    /// <summary>Offset of the closing brace when a valid variable name starts at <paramref name="start"/>.</summary>
    private static int? NameEnd(string value, int start)
    {
        if (start >= value.Length || !(char.IsAsciiLetterUpper(value[start]) || value[start] == '_'))
        {
            return null;
        }
        var i = start + 1;
        while (i < value.Length && (char.IsAsciiLetterUpper(value[i]) || char.IsAsciiDigit(value[i]) || value[i] == '_'))
        {
            i++;
        }
        return i < value.Length && value[i] == '}' ? i : null;
    }
}
