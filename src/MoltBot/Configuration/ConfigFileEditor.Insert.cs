using System.Text;
using MoltBot.Configuration.Json5;
using MoltBot.Configuration.Schema;

namespace MoltBot.Configuration;

internal static partial class ConfigFileEditor
{
    private const string Unit = "  ";

    private sealed record Style(string Unit, bool QuoteKeys);

    private static string InsertMember(string text, Json5Object obj, IReadOnlyList<ConfigPathSegment> segments, int from, string valueText, Style style)
    {
        var spans = obj.Members.Select(m => (m.NameStart, m.Value.End)).ToList();
        return Insert(text, obj, spans, indent => Entry(segments, from, valueText, indent, style.QuoteKeys, style.Unit), style);
    }

    private static string InsertItem(string text, Json5Array array, IReadOnlyList<ConfigPathSegment> segments, int from, string valueText, Style style)
    {
        var spans = array.Items.Select(item => (item.Start, item.End)).ToList();
        return Insert(text, array, spans, indent => Value(segments, from + 1, valueText, indent, style.QuoteKeys, style.Unit), style);
    }

    /// <summary>Adds an entry after the container's last one (keeping its comma style and any comment on that line), or into an empty container.</summary>
    private static string Insert(string text, Json5Node container, List<(int Start, int End)> entries, Func<string, string> entry, Style style)
    {
        var open = container.Start;
        var close = container.End - 1;
        var outer = LineIndent(text, open);
        if (entries.Count == 0)
        {
            var inner = outer + style.Unit;
            var interior = text[(open + 1)..close];
            return string.IsNullOrWhiteSpace(interior)
                ? string.Concat(text[..(open + 1)], "\n", inner, entry(inner), "\n", outer, text[close..])
                : string.Concat(text[..(open + 1)], "\n", inner, entry(inner), text[(open + 1)..]);
        }
        var last = entries[^1];
        var afterLast = SkipSpaces(text, last.End);
        var hasComma = afterLast < text.Length && text[afterLast] == ',';
        var lineEnd = text.IndexOf('\n', last.End);
        var multiline = lineEnd >= 0 && lineEnd < close;
        if (!multiline)
        {
            var at = hasComma ? afterLast + 1 : last.End;
            return string.Concat(text[..at], hasComma ? " " : ", ", entry(outer), hasComma ? "," : "", text[at..]);
        }
        var indent = FirstOnLine(text, entries[0].Start) ? LineIndent(text, entries[0].Start) : outer + style.Unit;
        var eol = text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        var sb = new StringBuilder(text.Length + 64);
        sb.Append(text, 0, last.End).Append(hasComma ? "" : ",").Append(text, last.End, eol - last.End);
        sb.Append(text[eol..lineEnd] == "\r" ? "\r\n" : "\n").Append(indent).Append(entry(indent)).Append(hasComma ? "," : "");
        sb.Append(text, eol, text.Length - eol);
        return sb.ToString();
    }

    /// <summary><c>key: value</c> for <c>segments[from]</c>, wrapping the value in objects or lists for the segments after it.</summary>
    private static string Entry(IReadOnlyList<ConfigPathSegment> segments, int from, string valueText, string indent, bool quoteKeys, string unit = Unit) =>
        Key(segments[from].Name!, quoteKeys) + ": " + Value(segments, from + 1, valueText, indent, quoteKeys, unit);

    private static string Value(IReadOnlyList<ConfigPathSegment> segments, int from, string valueText, string indent, bool quoteKeys, string unit)
    {
        if (from == segments.Count)
        {
            return valueText;
        }
        var inner = indent + unit;
        var body = segments[from].Index is null
            ? Entry(segments, from, valueText, inner, quoteKeys, unit)
            : Value(segments, from + 1, valueText, inner, quoteKeys, unit);
        var (open, close) = segments[from].Index is null ? ('{', '}') : ('[', ']');
        return $"{open}\n{inner}{body}\n{indent}{close}";
    }

    private static string Key(string name, bool quote) =>
        !quote && IsIdentifier(name) ? name : ConfigJson.Quote(name);

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private static string DetectUnit(string text, Json5Node root) =>
        root is Json5Object { Members: [var first, ..] } && FirstOnLine(text, first.NameStart) && LineIndent(text, first.NameStart) is { Length: > 0 } indent
            ? indent
            : Unit;

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        return i;
    }

    private static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    private static string LineIndent(string text, int offset)
    {
        var start = LineStart(text, offset);
        return text[start..SkipSpaces(text, start)];
    }

    private static bool FirstOnLine(string text, int offset) => SkipSpaces(text, LineStart(text, offset)) == offset;
}
