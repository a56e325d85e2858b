using System.Globalization;

namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>Brave Search API: <c>GET {base}/res/v1/web/search?q=&amp;count=</c> with <c>X-Subscription-Token</c>.</summary>
internal sealed class BraveSearchProvider(HttpClient http, string baseUrl, MoltBot.Configuration.SecretValue apiKey) : IWebSearchProvider
{
    public string Name => "brave";

    public async Task<IReadOnlyList<WebSearchResult>> SearchAsync(string query, int count, CancellationToken cancellationToken)
    {
        var url = WebSearchHttp.Endpoint(baseUrl, string.Create(CultureInfo.InvariantCulture, $"/res/v1/web/search?q={Uri.EscapeDataString(query)}&count={count}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("X-Subscription-Token", apiKey.Value);
        var response = await WebSearchHttp.SendAsync(http, request, "Brave Search", WebSearchJsonContext.Default.BraveSearchResponse, cancellationToken);
        return [.. (response.Web?.Results ?? []).Where(r => r.Url is not null).Take(count)
            .Select(r => new WebSearchResult(WebSearchHttp.PlainText(r.Title), r.Url!, WebSearchHttp.PlainText(r.Description)))];
    }
}
