using System.Net;

namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>
/// A small, tolerant HTML tokenizer: tags with attributes, text with entities decoded, comments and doctypes dropped,
/// and the raw-text elements (<c>script</c>, <c>style</c>, …) read to their end tag. Never throws on bad markup.
/// </summary>
internal static class HtmlTokenizer
{
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "noscript", "xmp", "iframe", "noembed", "noframes", "template" };

    public static IEnumerable<HtmlToken> Tokenize(string html)
    {
        var i = 0;
        var textStart = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || i + 1 >= html.Length)
            {
                i++;
                continue;
            }
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                if (i > textStart)
                {
                    yield return Text(html[textStart..i]);
                }
                i = SkipMarkupDeclaration(html, i);
                textStart = i;
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++; // a stray '<' is text
                continue;
            }
            if (i > textStart)
            {
                yield return Text(html[textStart..i]);
            }
            var tag = ReadTag(html, nameStart, isEnd, out i);
            textStart = i;
            yield return tag;
            if (tag.Kind == HtmlTokenKind.StartTag && !tag.SelfClosing && RawText.Contains(tag.Name!))
            {
                var close = html.IndexOf("</" + tag.Name, i, StringComparison.OrdinalIgnoreCase);
                var end = close < 0 ? html.Length : close;
                if (end > i)
                {
                    var raw = html[i..end];
                    yield return new HtmlToken(HtmlTokenKind.Text, null, tag.Name is "title" or "textarea" ? WebUtility.HtmlDecode(raw) : raw);
                }
                i = end;
                textStart = i;
            }
        }
        if (textStart < html.Length)
        {
            yield return Text(html[textStart..]);
        }
    }

    private static HtmlToken Text(string raw) => new(HtmlTokenKind.Text, null, WebUtility.HtmlDecode(raw));

    private static int SkipMarkupDeclaration(string html, int i)
    {
        if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        var close = html.IndexOf('>', i);
        return close < 0 ? html.Length : close + 1;
    }

    private static HtmlToken ReadTag(string html, int nameStart, bool isEnd, out int position)
    {
        var i = nameStart;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '/'))
        {
            i++;
        }
        var name = html[nameStart..i].ToLowerInvariant();
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var selfClosing = false;
        while (i < html.Length && html[i] != '>')
        {
            if (char.IsWhiteSpace(html[i]))
            {
                i++;
                continue;
            }
            if (html[i] == '/')
            {
                selfClosing = true;
                i++;
                continue;
            }
            selfClosing = false;
            var attrStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('>' or '=' or '/'))
            {
                i++;
            }
            var attrName = html[attrStart..i];
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(i + 1)..close];
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }
                    value = html[valueStart..i];
                }
            }
            if (attrName.Length > 0 && !isEnd)
            {
                attributes.TryAdd(attrName, WebUtility.HtmlDecode(value));
            }
        }
        position = Math.Min(i + 1, html.Length);
        return new HtmlToken(isEnd ? HtmlTokenKind.EndTag : HtmlTokenKind.StartTag, name, null, attributes, selfClosing);
    }
}
