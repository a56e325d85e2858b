namespace MoltBot.Agent.Tools.Web.Html;

/// <summary>One element or text run of a tolerant HTML parse. Element names are lower case; <see cref="Text"/> is decoded.</summary>
internal sealed class HtmlNode(string? name, Dictionary<string, string>? attributes = null, string? text = null)
{
    public string? Name { get; } = name;

    public string? Text { get; } = text;

    public Dictionary<string, string> Attributes { get; } = attributes ?? new(StringComparer.OrdinalIgnoreCase);

    public List<HtmlNode> Children { get; } = [];

    public bool IsText => Name is null;

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>Elements below this one, depth first.</summary>
    public IEnumerable<HtmlNode> Descendants()
    {
        var stack = new Stack<HtmlNode>(Enumerable.Reverse(Children));
        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>All text below this node, whitespace collapsed.</summary>
    public string InnerText()
    {
        var parts = Descendants().Where(n => n.IsText).Select(n => n.Text);
        return string.Join(' ', string.Concat(parts).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
