using System.Text;
using System.Text.RegularExpressions;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// Converts the Markdown models write into Telegram's HTML parse mode: <c>**bold**</c>, <c>*italic*</c>/<c>_italic_</c>,
/// <c>~~strike~~</c>, <c>`code`</c>, fenced blocks and <c>[text](https://…)</c> links; everything else is escaped text.
/// HTML rather than MarkdownV2 because HTML needs only <c>&amp; &lt; &gt; &quot;</c> escaped, whereas MarkdownV2 needs
/// 18 characters escaped with context-dependent rules, so any text we did not understand would be rejected. If Telegram
/// still rejects the entities (badly nested markers), the sender resends the part as plain text.
/// </summary>
internal static partial class TelegramHtml
{
    public const string ParseMode = "HTML";

    public static string FromMarkdown(string markdown)
    {
        var html = new StringBuilder(markdown.Length + 32);
        var segments = markdown.Split("```");
        for (var i = 0; i < segments.Length; i++)
        {
            if (i % 2 == 0)
            {
                AppendInline(html, segments[i]);
            }
            else
            {
                AppendCodeBlock(html, segments[i]); // an unclosed fence runs to the end, as in most renderers
            }
        }
        return html.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static void AppendCodeBlock(StringBuilder html, string block)
    {
        var newline = block.IndexOf('\n', StringComparison.Ordinal);
        var language = newline > 0 ? block[..newline].Trim() : "";
        var code = newline >= 0 && (language.Length == 0 || LanguageName().IsMatch(language)) ? block[(newline + 1)..] : block;
        if (language.Length > 0 && !LanguageName().IsMatch(language))
        {
            language = "";
        }
        html.Append(language.Length > 0 ? $"<pre><code class=\"language-{language}\">" : "<pre>")
            .Append(Escape(code.TrimEnd('\n')))
            .Append(language.Length > 0 ? "</code></pre>" : "</pre>");
    }

    private static void AppendInline(StringBuilder html, string text)
    {
        var last = 0;
        foreach (Match code in InlineCode().Matches(text))
        {
            html.Append(FormatSpans(text[last..code.Index]));
            html.Append("<code>").Append(Escape(code.Groups[1].Value)).Append("</code>");
            last = code.Index + code.Length;
        }
        html.Append(FormatSpans(text[last..]));
    }

    private static string FormatSpans(string text)
    {
        var escaped = Escape(text);
        escaped = Link().Replace(escaped, "<a href=\"$2\">$1</a>");
        escaped = Bold().Replace(escaped, "<b>$1</b>");
        escaped = Strike().Replace(escaped, "<s>$1</s>");
        escaped = ItalicStar().Replace(escaped, "<i>$1</i>");
        return ItalicUnderscore().Replace(escaped, "<i>$1</i>");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+#.-]{1,32}$")]
    private static partial Regex LanguageName();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[([^\]\n]+)\]\((https?://[^)\s""]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")]
    private static partial Regex Strike();

    [GeneratedRegex(@"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")]
    private static partial Regex ItalicStar();

    [GeneratedRegex(@"(?<![\w/])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w/])")]
    private static partial Regex ItalicUnderscore();
}
