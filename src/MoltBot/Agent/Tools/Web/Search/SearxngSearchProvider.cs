namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>SearXNG: <c>GET {url}/search?q=&amp;format=json</c>; no key. SearXNG has no result-count parameter, so results are cut here.</summary>
internal sealed class SearxngSearchProvider(HttpClient http, string baseUrl) : IWebSearchProvider
{
    public string Name => "searxng";

    public async Task<IReadOnlyList<WebSearchResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WebSearchHttp.Endpoint(baseUrl, $"/search?q={Uri.EscapeDataString(query)}&format=json"));
        var response = await WebSearchHttp.SendAsync(http, request, "SearXNG", WebSearchJsonContext.Default.SearxngSearchResponse, cancellationToken);
        return [.. (response.Results ?? []).Where(r => r.Url is not null).Take(count)
            .Select(r => new WebSearchResult(WebSearchHttp.PlainText(r.Title), r.Url!, WebSearchHttp.PlainText(r.Content)))];
    }
}
