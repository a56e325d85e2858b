using System.Text;

namespace MoltBot.Agent.Skills;

/// <summary>
/// The YAML subset SKILL.md front matter uses: <c>key: value</c> maps and <c>- item</c> lists nested by indentation,
/// plain and quoted scalars, <c>|</c>/<c>&gt;</c> block text, and flow values (<c>{...}</c>, <c>[...]</c>, even spread
/// over several lines). Anchors, tags and multi-document streams are not supported. Scalars stay strings.
/// </summary>
internal sealed class FrontMatterYaml
{
    private readonly List<(int Number, int Indent, string Text)> _lines = [];
    private int _next;

    private FrontMatterYaml(IReadOnlyList<string> lines, int firstLineNumber)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Contains('\t', StringComparison.Ordinal) && line.TrimStart().Length > 0 && line[..(line.Length - line.TrimStart().Length)].Contains('\t', StringComparison.Ordinal))
            {
                throw new SkillFormatException(firstLineNumber + i, "tabs are not allowed for indentation in YAML; use spaces");
            }
            var indent = line.Length - line.TrimStart(' ').Length;
            _lines.Add((firstLineNumber + i, indent, line.TrimStart(' ')));
        }
    }

    /// <param name="firstLineNumber">The file line number of <paramref name="lines"/>[0], for error messages.</param>
    public static Dictionary<string, object?> Parse(IReadOnlyList<string> lines, int firstLineNumber)
    {
        var parser = new FrontMatterYaml(lines, firstLineNumber);
        if (!parser.SkipBlank())
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal);
        }
        var first = parser._lines[parser._next];
        if (first.Indent != 0)
        {
            throw new SkillFormatException(first.Number, "the front matter must start at column 1");
        }
        if (IsSequenceItem(first.Text))
        {
            throw new SkillFormatException(first.Number, "the front matter must be a map of `key: value` lines, not a list");
        }
        var map = parser.Map(0);
        if (parser.SkipBlank())
        {
            var stray = parser._lines[parser._next];
            throw new SkillFormatException(stray.Number, "unexpected indentation");
        }
        return map;
    }

    private Dictionary<string, object?> Map(int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (SkipBlank() && _lines[_next].Indent == indent && !IsSequenceItem(_lines[_next].Text))
        {
            var (number, _, text) = _lines[_next++];
            var (key, rest) = SplitKey(text, number);
            if (!map.TryAdd(key, null))
            {
                throw new SkillFormatException(number, $"duplicate key '{key}'");
            }
            map[key] = Value(rest, indent, number);
        }
        if (SkipBlank() && _lines[_next].Indent > indent)
        {
            throw new SkillFormatException(_lines[_next].Number, "unexpected indentation");
        }
        return map;
    }

    private List<object?> Sequence(int indent)
    {
        var list = new List<object?>();
        while (SkipBlank() && _lines[_next].Indent == indent && IsSequenceItem(_lines[_next].Text))
        {
            var (number, _, text) = _lines[_next];
            var content = text.Length > 1 ? text[2..].TrimStart() : "";
            var contentIndent = indent + text.Length - content.Length;
            if (content.Length > 0 && !content.StartsWith('{') && !content.StartsWith('[') && !content.StartsWith('"') && !content.StartsWith('\'') && FindKeyColon(content) > 0)
            {
                // "- key: value" starts a map whose keys line up with "key".
                _lines[_next] = (number, contentIndent, content);
                list.Add(Map(contentIndent));
                continue;
            }
            _next++;
            list.Add(Value(content, indent, number));
        }
        return list;
    }

    /// <summary>The value after <c>key:</c> or <c>- </c>: inline, a block below it, block text, or a flow value.</summary>
    private object? Value(string rest, int ownerIndent, int number)
    {
        rest = StripComment(rest);
        if (rest.Length == 0)
        {
            if (!SkipBlank())
            {
                return null;
            }
            var child = _lines[_next];
            if (child.Indent > ownerIndent)
            {
                return IsSequenceItem(child.Text) ? Sequence(child.Indent) : FlowOrMap(child.Indent);
            }
            // YAML allows a list at the same indentation as its key.
            return child.Indent == ownerIndent && IsSequenceItem(child.Text) ? Sequence(ownerIndent) : null;
        }
        if (rest[0] is '|' or '>')
        {
            return BlockText(ownerIndent, folded: rest[0] == '>');
        }
        if (rest[0] is '{' or '[')
        {
            return Flow(rest, number, ownerIndent);
        }
        if (rest[0] is '"' or '\'')
        {
            return Scalar(rest, number);
        }
        // A plain scalar may continue on more-indented lines; they join with spaces.
        var plain = new StringBuilder(rest);
        while (_next < _lines.Count && _lines[_next].Text.Length > 0 && _lines[_next].Indent > ownerIndent)
        {
            plain.Append(' ').Append(StripComment(_lines[_next++].Text));
        }
        return plain.ToString();
    }

    /// <summary>An indented block: a map, or a flow value written over several lines (OpenClaw's <c>metadata:</c> style).</summary>
    private object? FlowOrMap(int indent)
    {
        var (number, _, text) = _lines[_next];
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            _next++;
            return Flow(text, number, indent - 1);
        }
        return Map(indent);
    }

    private object? Flow(string start, int number, int ownerIndent)
    {
        var text = new StringBuilder(start);
        while (!IsBalanced(text.ToString()) && _next < _lines.Count && (_lines[_next].Indent > ownerIndent || _lines[_next].Text.Length == 0 || _lines[_next].Text[0] is '}' or ']'))
        {
            text.Append('\n').Append(new string(' ', _lines[_next].Indent)).Append(_lines[_next].Text);
            _next++;
        }
        return FrontMatterFlow.Parse(text.ToString(), number);
    }

    private string BlockText(int ownerIndent, bool folded)
    {
        var lines = new List<string>();
        var blockIndent = -1;
        while (_next < _lines.Count && (_lines[_next].Text.Length == 0 || _lines[_next].Indent > ownerIndent))
        {
            var (_, indent, text) = _lines[_next++];
            if (text.Length > 0 && blockIndent < 0)
            {
                blockIndent = indent;
            }
            lines.Add(text.Length == 0 ? "" : new string(' ', Math.Max(0, indent - blockIndent)) + text);
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        if (!folded)
        {
            return string.Join('\n', lines);
        }
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                result.Append('\n');
            }
            else
            {
                if (result.Length > 0 && result[^1] != '\n')
                {
                    result.Append(' ');
                }
                result.Append(line);
            }
        }
        return result.ToString();
    }

    private static string Scalar(string text, int number)
    {
        if (text[0] is '"' or '\'')
        {
            var value = FrontMatterFlow.Parse(text, number);
            return value as string ?? throw new SkillFormatException(number, "expected a string");
        }
        return text;
    }

    private static (string Key, string Value) SplitKey(string text, int number)
    {
        if (text[0] is '"' or '\'')
        {
            var close = text.IndexOf(text[0], 1);
            if (close > 0 && close + 1 < text.Length && text[close + 1] == ':')
            {
                return (text[1..close], text[(close + 2)..].Trim());
            }
        }
        var colon = FindKeyColon(text);
        if (colon <= 0)
        {
            throw new SkillFormatException(number, $"expected `key: value`, got '{Shorten(text)}'");
        }
        return (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    /// <summary>The colon that ends a key: followed by a space or the end of the line (so URLs stay values).</summary>
    private static int FindKeyColon(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }
        return -1;
    }

    private static string StripComment(string text)
    {
        if (text.Length == 0 || text[0] is '"' or '\'' or '{' or '[')
        {
            return text.Trim();
        }
        var hash = text.IndexOf(" #", StringComparison.Ordinal);
        return (text.StartsWith('#') ? "" : hash >= 0 ? text[..hash] : text).Trim();
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private static bool IsBalanced(string text)
    {
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\' && q == '"')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
                continue;
            }
            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    break;
            }
        }
        return depth <= 0;
    }

    /// <summary>Moves past blank and comment lines; false at the end.</summary>
    private bool SkipBlank()
    {
        while (_next < _lines.Count && (_lines[_next].Text.Length == 0 || _lines[_next].Text.StartsWith('#')))
        {
            _next++;
        }
        return _next < _lines.Count;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
