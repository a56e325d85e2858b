namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>
/// Builds a <see cref="HtmlNode"/> tree from tokens the forgiving way browsers do for the common cases: void elements,
/// implied ends of <c>p</c>, <c>li</c>, table cells and options, and end tags without a matching start ignored.
/// </summary>
internal static class HtmlTreeBuilder
{
    /// <summary>Deeper nesting is flattened, so rendering never recurses without bound.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt",
    };

    public static HtmlNode Parse(string html)
    {
        var root = new HtmlNode("#document");
        var stack = new List<HtmlNode> { root };
        foreach (var token in HtmlTokenizer.Tokenize(html))
        {
            var current = stack[^1];
            switch (token.Kind)
            {
                case HtmlTokenKind.Text:
                    current.Children.Add(new HtmlNode(null, text: token.Text));
                    break;
                case HtmlTokenKind.StartTag:
                    var name = token.Name!;
                    CloseImplied(stack, name);
                    var element = new HtmlNode(name, token.Attributes);
                    stack[^1].Children.Add(element);
                    if (!Void.Contains(name) && !token.SelfClosing && stack.Count < MaxDepth)
                    {
                        stack.Add(element);
                    }
                    break;
                case HtmlTokenKind.EndTag:
                    var open = stack.FindLastIndex(n => n.Name == token.Name);
                    if (open > 0)
                    {
                        stack.RemoveRange(open, stack.Count - open);
                    }
                    break;
            }
        }
        return root;
    }

    private static void CloseImplied(List<HtmlNode> stack, string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            CloseIfOpenWithin(stack, "p", stopAt: ["div", "td", "th", "li", "blockquote", "section", "article", "main", "body"]);
        }
        switch (name)
        {
            case "li":
                CloseIfOpenWithin(stack, "li", stopAt: ["ul", "ol", "menu"]);
                break;
            case "dt" or "dd":
                CloseIfOpenWithin(stack, "dt", stopAt: ["dl"]);
                CloseIfOpenWithin(stack, "dd", stopAt: ["dl"]);
                break;
            case "tr":
                CloseIfOpenWithin(stack, "tr", stopAt: ["table", "thead", "tbody", "tfoot"]);
                break;
            case "td" or "th":
                CloseIfOpenWithin(stack, "td", stopAt: ["tr", "table"]);
                CloseIfOpenWithin(stack, "th", stopAt: ["tr", "table"]);
                break;
            case "option":
                CloseIfOpenWithin(stack, "option", stopAt: ["select", "datalist"]);
                break;
        }
    }

    /// <summary>Pops an open <paramref name="name"/> element if one is open above the nearest <paramref name="stopAt"/> element.</summary>
    private static void CloseIfOpenWithin(List<HtmlNode> stack, string name, string[] stopAt)
    {
        for (var i = stack.Count - 1; i > 0; i--)
        {
            if (stack[i].Name == name)
            {
                stack.RemoveRange(i, stack.Count - i);
                return;
            }
            if (Array.IndexOf(stopAt, stack[i].Name) >= 0)
            {
                return;
            }
        }
    }
}
