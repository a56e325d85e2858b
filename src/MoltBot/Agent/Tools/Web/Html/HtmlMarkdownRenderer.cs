using System.Globalization;

namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>Renders an <see cref="HtmlNode"/> subtree as markdown (headings, lists, links, code, quotes, tables) or plain text.</summary>
internal sealed class HtmlMarkdownRenderer(Uri baseUrl, bool markdown, bool skipHeaders, string? skipFirstHeading)
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "footer", "aside",
        "form", "button", "select", "input", "textarea", "img", "picture", "video", "audio", "map", "dialog",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "section", "article", "main", "figure", "details", "address", "center", "dl",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "div", "header", "figcaption", "summary", "dt", "dd", "tr", "caption", "body", "html", "fieldset", "legend", "hgroup",
    };

    private readonly MarkdownWriter _writer = new();
    private bool _headingSkipped = skipFirstHeading is null;
    private int _listDepth;

    public string Render(HtmlNode root)
    {
        Children(root);
        return _writer.ToString();
    }

    private void Children(HtmlNode node)
    {
        foreach (var child in node.Children)
        {
            Node(child);
        }
    }

    private void Node(HtmlNode node)
    {
        if (node.IsText)
        {
            _writer.Text(node.Text!);
            return;
        }
        var name = node.Name!;
        if (IsDropped(node, name))
        {
            return;
        }
        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Heading(node, name[1] - '0');
                break;
            case "br":
                _writer.Line();
                break;
            case "hr":
                _writer.BlankLine();
                _writer.Raw(markdown ? "---" : "");
                _writer.BlankLine();
                break;
            case "pre":
                Code(node);
                break;
            case "ul" or "ol" or "menu":
                List(node, ordered: name == "ol");
                break;
            case "li":
                _writer.Marker("- ");
                Children(node);
                _writer.EndMarker();
                break;
            case "blockquote":
                _writer.BlankLine();
                _writer.PushPrefix(markdown ? "> " : "  ");
                Children(node);
                _writer.Line();
                _writer.PopPrefix();
                _writer.BlankLine();
                break;
            case "table":
                Table(node);
                break;
            case "a":
                Link(node);
                break;
            case "strong" or "b":
                Inline(node, markdown ? "**" : "");
                break;
            case "em" or "i":
                Inline(node, markdown ? "*" : "");
                break;
            case "code" or "kbd" or "samp":
                Inline(node, markdown ? "`" : "");
                break;
            case var block when Paragraphs.Contains(block):
                _writer.BlankLine();
                Children(node);
                _writer.BlankLine();
                break;
            case var line when Lines.Contains(line):
                _writer.Line();
                Children(node);
                _writer.Line();
                break;
            default:
                Children(node);
                break;
        }
    }

    private bool IsDropped(HtmlNode node, string name) =>
        Dropped.Contains(name)
        || (skipHeaders && name == "header")
        || node.Attributes.ContainsKey("hidden")
        || string.Equals(node.Attribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (node.Attribute("role") is { } role && DroppedRoles.Contains(role))
        || (node.Attribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    private void Heading(HtmlNode node, int level)
    {
        var text = node.InnerText();
        if (!_headingSkipped && string.Equals(text, skipFirstHeading?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            _headingSkipped = true;
            return;
        }
        _headingSkipped = true;
        if (text.Length == 0)
        {
            return;
        }
        _writer.BlankLine();
        _writer.Raw(markdown ? new string('#', level) + " " : "");
        _writer.Text(text);
        _writer.BlankLine();
    }

    private void Code(HtmlNode node)
    {
        var text = string.Concat(node.Descendants().Where(n => n.IsText).Select(n => n.Text));
        var language = node.Descendants().FirstOrDefault(n => n.Name == "code")?.Attribute("class")?
            .Split(' ').FirstOrDefault(c => c.StartsWith("language-", StringComparison.Ordinal))?["language-".Length..] ?? "";
        _writer.BlankLine();
        if (markdown)
        {
            _writer.Raw("```" + language);
            _writer.Line();
        }
        _writer.Preformatted(text);
        if (markdown)
        {
            _writer.Raw("```");
        }
        _writer.BlankLine();
    }

    private void List(HtmlNode node, bool ordered)
    {
        // A list inside a list item hangs under it; a top-level list is its own block.
        var nested = _listDepth++ > 0;
        BlockBreak(nested);
        var number = int.TryParse(node.Attribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var child in node.Children)
        {
            if (child.Name == "li")
            {
                if (IsDropped(child, "li"))
                {
                    continue;
                }
                _writer.Marker(ordered ? string.Create(CultureInfo.InvariantCulture, $"{number++}. ") : "- ");
                Children(child);
                _writer.EndMarker();
            }
            else
            {
                Node(child);
            }
        }
        _listDepth--;
        BlockBreak(nested);
    }

    private void BlockBreak(bool lineOnly)
    {
        if (lineOnly)
        {
            _writer.Line();
        }
        else
        {
            _writer.BlankLine();
        }
    }

    private void Table(HtmlNode node)
    {
        _writer.BlankLine();
        var first = true;
        foreach (var row in node.Descendants().Where(n => n.Name == "tr"))
        {
            var cells = row.Children.Where(c => c.Name is "td" or "th").ToList();
            if (cells.Count == 0)
            {
                continue;
            }
            var texts = cells.Select(c => c.InnerText().Replace("|", "\\|", StringComparison.Ordinal));
            _writer.Raw(markdown ? "| " + string.Join(" | ", texts) + " |" : string.Join(" | ", texts));
            _writer.Line();
            if (first && markdown)
            {
                _writer.Raw("|" + string.Concat(Enumerable.Repeat(" --- |", cells.Count)));
                _writer.Line();
            }
            first = false;
        }
        _writer.BlankLine();
    }

    private void Link(HtmlNode node)
    {
        var text = node.InnerText();
        if (text.Length == 0)
        {
            return;
        }
        var href = node.Attribute("href")?.Trim();
        var target = markdown && href is { Length: > 0 } && !href.StartsWith('#')
            && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(baseUrl, href, out var absolute) ? absolute : null;
        LeadingSpace(node);
        if (target is null)
        {
            _writer.Text(text);
        }
        else
        {
            _writer.Raw($"[{text.Replace("]", "\\]", StringComparison.Ordinal)}]({target.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal)})");
        }
        TrailingSpace(node);
    }

    private void Inline(HtmlNode node, string marker)
    {
        var text = node.InnerText();
        if (text.Length == 0)
        {
            return;
        }
        LeadingSpace(node);
        _writer.Raw(marker);
        _writer.Text(text);
        _writer.Raw(marker);
        TrailingSpace(node);
    }

    private void LeadingSpace(HtmlNode node)
    {
        if (node.Descendants().FirstOrDefault(n => n.IsText)?.Text is { Length: > 0 } first && char.IsWhiteSpace(first[0]))
        {
            _writer.Space();
        }
    }

    private void TrailingSpace(HtmlNode node)
    {
        if (node.Descendants().LastOrDefault(n => n.IsText)?.Text is { Length: > 0 } last && char.IsWhiteSpace(last[^1]))
        {
            _writer.Space();
        }
    }
}
