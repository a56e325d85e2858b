using System.Text;
using System.Text.RegularExpressions;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// Splits a shell command line into the simple commands the allowlist judges: on <c>;</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>|</c>, <c>&amp;</c> and newlines outside quotes. Anything it cannot judge safely returns null (a miss):
/// command substitution (<c>`...`</c>, <c>$(...)</c>), subshells and groups, file redirections, unterminated quotes.
/// </summary>
internal static partial class ShellCommandSplitter
{
    public static IReadOnlyList<string>? Split(string command)
    {
        var text = HarmlessRedirections().Replace(command, " ");
        var segments = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                current.Append(c);
                quote = c == '\'' ? null : quote;
                continue;
            }
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '`' || (c == '$' && i + 1 < text.Length && text[i + 1] == '('))
            {
                return null;
            }
            if (quote == '"')
            {
                current.Append(c);
                quote = c == '"' ? null : quote;
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    current.Append(c);
                    break;
                case ';' or '&' or '|' or '\n' or '\r':
                    Add(segments, current);
                    break;
                case '<' or '>' or '(' or ')' or '{' or '}':
                    return null;
                default:
                    current.Append(c);
                    break;
            }
        }
        if (quote is not null)
        {
            return null;
        }
        Add(segments, current);
        return segments;
    }

    private static void Add(List<string> segments, StringBuilder current)
    {
        var segment = Whitespace().Replace(current.ToString(), " ").Trim();
        if (segment.Length > 0)
        {
            segments.Add(segment);
        }
        current.Clear();
    }

    /// <summary>Redirections that write nowhere: <c>2&gt;&amp;1</c>, <c>&gt;/dev/null</c>, <c>2&gt;/dev/null</c>.</summary>
    [GeneratedRegex(@"(?<![\w>&])(?:[12]?>\s*/dev/null|2>&1)(?![\w/])")]
    private static partial Regex HarmlessRedirections();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
