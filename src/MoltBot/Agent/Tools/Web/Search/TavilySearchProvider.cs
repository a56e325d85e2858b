using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>Tavily: <c>POST {base}/search</c> with a bearer key and <c>{ query, max_results, search_depth }</c>.</summary>
internal sealed class TavilySearchProvider(HttpClient http, string baseUrl, MoltBot.Configuration.SecretValue apiKey) : IWebSearchProvider
{
    public string Name => "tavily";

    public async Task<IReadOnlyList<WebSearchResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebSearchHttp.Endpoint(baseUrl, "/search"))
        {
            Content = JsonContent.Create(new TavilySearchRequest(query, count), WebSearchJsonContext.Default.TavilySearchRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Value);
        var response = await WebSearchHttp.SendAsync(http, request, "Tavily", WebSearchJsonContext.Default.TavilySearchResponse, cancellationToken);
        return [.. (response.Results ?? []).Where(r => r.Url is not null).Take(count)
            .Select(r => new WebSearchResult(WebSearchHttp.PlainText(r.Title), r.Url!, WebSearchHttp.PlainText(r.Content)))];
    }
}
