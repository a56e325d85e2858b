using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools.Web.Search;

/// <summary><c>web_search</c>: a query to the configured provider; results (title, URL, snippet) come back as untrusted content.</summary>
internal sealed class WebSearchTool(IWebSearchProvider provider, int maxResults, TimeSpan timeout, TimeProvider time) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "query": { "type": "string", "description": "What to search for." },
            "count": { "type": "integer", "description": "How many results (1-20); the owner's default when left out." }
          },
          "required": ["query"]
        }
        """).RootElement.Clone();

    public override string Name => "web_search";

    public override string Description =>
        "Searches the web and returns the top results (title, URL, snippet). Use web_fetch on a result to read the page.";

    public override JsonElement JsonSchema => Schema;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var query = WebToolArguments.String(arguments, "query")?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return "Error: web_search needs a non-empty 'query'.";
        }
        var count = Math.Clamp(WebToolArguments.Integer(arguments, "count") ?? maxResults, 1, 20);
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        IReadOnlyList<WebSearchResult> results;
        try
        {
            results = await provider.SearchAsync(query, count, linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Error: {provider.Name} did not answer within {timeout.TotalSeconds:0} s (tools.web.search.timeoutSeconds).");
        }
        catch (Exception ex) when (ex is WebSearchException or HttpRequestException)
        {
            return $"Error: web_search via {provider.Name} failed: {ex.Message}";
        }
        return Format(query, results);
    }

    private string Format(string query, IReadOnlyList<WebSearchResult> results)
    {
        if (results.Count == 0)
        {
            return $"No results from {provider.Name} for \"{query}\".";
        }
        var text = new StringBuilder();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {r.Title}\n   {r.Url}\n");
            if (r.Snippet.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"   {r.Snippet}\n");
            }
        }
        return $"{results.Count} results from {provider.Name} for \"{query}\":\n" + WebUntrusted.Wrap("web_search", null, text.ToString().TrimEnd());
    }
}
