namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>
/// The readable part of an HTML page: its title and main content (the <c>main</c> element, else the only
/// <c>article</c>, else the body) as markdown or plain text, without scripts, styles, navigation, footers and asides.
/// </summary>
internal static class ReadableHtml
{
    public static (string? Title, string Content) Extract(string html, Uri pageUrl, bool markdown = true)
    {
        var document = HtmlTreeBuilder.Parse(html);
        var elements = document.Descendants().Where(n => !n.IsText).ToList();
        var title = elements.FirstOrDefault(n => n.Name == "title")?.InnerText() is { Length: > 0 } t ? t
            : elements.FirstOrDefault(n => n.Name == "h1")?.InnerText();
        var baseUrl = elements.FirstOrDefault(n => n.Name == "base")?.Attribute("href") is { } href && Uri.TryCreate(pageUrl, href, out var b) ? b : pageUrl;

        var root = MainContent(elements) ?? elements.FirstOrDefault(n => n.Name == "body") ?? document;
        var renderer = new HtmlMarkdownRenderer(baseUrl, markdown, skipHeaders: root.Name is "body" or "#document", skipFirstHeading: title);
        return (string.IsNullOrWhiteSpace(title) ? null : title, renderer.Render(root));
    }

    private static HtmlNode? MainContent(List<HtmlNode> elements)
    {
        var mains = elements.Where(n => n.Name == "main" || string.Equals(n.Attribute("role"), "main", StringComparison.OrdinalIgnoreCase)).ToList();
        if (mains.Count > 0)
        {
            return mains.MaxBy(m => m.InnerText().Length);
        }
        // Several articles is a listing page: the body (minus navigation) reads better than one card.
        var articles = elements.Where(n => n.Name == "article").ToList();
        return articles.Count == 1 ? articles[0] : null;
    }
}
