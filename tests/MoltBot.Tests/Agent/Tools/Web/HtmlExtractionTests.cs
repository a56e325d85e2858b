using MoltBot.Agent.Tools.Web.Html;

namespace MoltBot.Tests.Agent.Tools.Web;

/// <summary>Main-content extraction on fixed pages: what is kept, what is dropped, and markup that is not well formed.</summary>
public sealed class HtmlExtractionTests
{
    public const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Brewing &amp; Tasting Tea</title>
          <style>body { color: red; }</style>
          <script>window.track = function() { document.write("tracking"); };</script>
        </head>
        <body>
          <header class="site"><a href="/">Home</a> <a href="/shop">Shop</a></header>
          <nav><ul><li><a href="/a">Menu A</a></li><li><a href="/b">Menu B</a></li></ul></nav>
          <main>
            <h1>Brewing &amp; Tasting Tea</h1>
            <p>Tea is <strong>simple</strong> to brew, but <em>easy</em> to get wrong.
               Read the <a href="/guide?x=1&amp;y=2">full guide</a> first.</p>
            <h2>Steps</h2>
            <ol>
              <li>Boil water.</li>
              <li>Steep for <code>3</code> minutes:
                <ul><li>green: 2</li><li>black: 4</li></ul>
              </li>
            </ol>
            <pre><code class="language-python">def brew(minutes):
            return "tea" if minutes &lt; 5 else "bitter"</code></pre>
            <blockquote>Good tea takes time.</blockquote>
            <table>
              <tr><th>Tea</th><th>Minutes</th></tr>
              <tr><td>Green</td><td>2</td></tr>
            </table>
            <aside>Related: coffee</aside>
            <div hidden>secret hidden text</div>
            <p>Questions? <a href="mailto:tea@example.org">Write us</a>.<br>Thanks!</p>
          </main>
          <footer>© 2026 Tea Corp · <a href="/privacy">Privacy</a></footer>
          <script>console.log("bye")</script>
        </body>
        </html>
        """;

    public static string ArticleMarkdown(string site) => $"""
        # Brewing & Tasting Tea

        Tea is **simple** to brew, but *easy* to get wrong. Read the [full guide]({site}/guide?x=1&y=2) first.

        ## Steps

        1. Boil water.
        2. Steep for `3` minutes:
           - green: 2
           - black: 4

        ```python
        def brew(minutes):
            return "tea" if minutes < 5 else "bitter"
        ```

        > Good tea takes time.

        | Tea | Minutes |
        | --- | --- |
        | Green | 2 |

        Questions? [Write us](mailto:tea@example.org).
        Thanks!
        """.ReplaceLineEndings("\n");

    [Fact]
    public void Extract_Article_KeepsStructureDropsChrome()
    {
        var (title, content) = ReadableHtml.Extract(ArticlePage, new Uri("https://tea.example/posts/1"));

        Assert.Equal("Brewing & Tasting Tea", title);
        Assert.Equal(ArticleMarkdown("https://tea.example").Split('\n', 2)[1].TrimStart('\n'), content);
    }

    [Fact]
    public void Extract_TextMode_NoMarkdownSyntax()
    {
        var (_, content) = ReadableHtml.Extract(ArticlePage, new Uri("https://tea.example/"), markdown: false);

        Assert.Contains("Tea is simple to brew, but easy to get wrong. Read the full guide first.", content, StringComparison.Ordinal);
        Assert.DoesNotContain("**", content, StringComparison.Ordinal);
        Assert.DoesNotContain("](", content, StringComparison.Ordinal);
        Assert.DoesNotContain("```", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoMainElement_UsesBodyWithoutNavigation()
    {
        const string page = "<html><body><nav>Menu</nav><div id=content><h2>Hello</h2><p>World</p></div><footer>Foot</footer></body></html>";

        var (title, content) = ReadableHtml.Extract(page, new Uri("https://x.example/"));

        Assert.Null(title);
        Assert.Equal("## Hello\n\nWorld", content);
    }

    [Fact]
    public void Extract_BrokenMarkup_StillReadable()
    {
        const string page = "<p>one<p>two <b>bold <i>both</b> tail<ul><li>a<li>b</ul><div>unclosed <span>x < y & z";

        var (_, content) = ReadableHtml.Extract(page, new Uri("https://x.example/"));

        Assert.Equal("one\n\ntwo **bold both** tail\n\n- a\n- b\n\nunclosed x < y & z", content);
    }

    [Fact]
    public void Extract_ScriptLookingLikeMarkup_IsNotText()
    {
        const string page = "<body><script>var s = '<p>not content</p>';</script><p>content</p><style>p{}</style></body>";

        Assert.Equal("content", ReadableHtml.Extract(page, new Uri("https://x.example/")).Content);
    }

    [Fact]
    public void Extract_DeepNesting_DoesNotOverflow()
    {
        var page = string.Concat(Enumerable.Repeat("<div>", 50_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 50_000));

        Assert.Equal("deep", ReadableHtml.Extract(page, new Uri("https://x.example/")).Content);
    }

    [Fact]
    public void Extract_SeveralArticles_ReadsTheWholeListing()
    {
        const string page = "<body><article><h2>One</h2></article><article><h2>Two</h2></article></body>";

        var (_, content) = ReadableHtml.Extract(page, new Uri("https://x.example/"));

        Assert.Equal("## One\n\n## Two", content);
    }
}
