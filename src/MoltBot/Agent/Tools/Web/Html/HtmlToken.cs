namespace MoltBot.Agent.Tools.Web.Html;

internal enum HtmlTokenKind
{
    Text,
    StartTag,
    EndTag,
}

/// <param name="Name">Lower-case tag name; for text, null.</param>
/// <param name="Text">Decoded text (for <see cref="HtmlTokenKind.Text"/>).</param>
internal sealed record HtmlToken(HtmlTokenKind Kind, string? Name, string? Text = null, Dictionary<string, string>? Attributes = null, bool SelfClosing = false);
