using MoltBot.Channels.Telegram;

namespace MoltBot.Tests.Channels.Telegram;

public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("**bold** and *italic* and _also_", "<b>bold</b> and <i>italic</i> and <i>also</i>")]
    [InlineData("use `x<y` here", "use <code>x&lt;y</code> here")]
    [InlineData("[docs](https://example.com/a?b=1&c=2)", "<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>")]
    [InlineData("```csharp\nvar x = 1 < 2;\n```", "<pre><code class=\"language-csharp\">var x = 1 &lt; 2;</code></pre>")]
    [InlineData("snake_case_name and 2*3*4", "snake_case_name and 2*3*4")]
    [InlineData("~~gone~~", "<s>gone</s>")]
    public void FromMarkdown_ConvertsTheCommonSubset_AndEscapesTheRest(string markdown, string html) =>
        Assert.Equal(html, TelegramHtml.FromMarkdown(markdown));
}
