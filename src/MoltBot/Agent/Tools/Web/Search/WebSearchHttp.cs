using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MoltBot.Agent.Tools.Web.Html;

namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>What the three providers share: send, check the status, parse JSON, clean snippets.</summary>
internal static class WebSearchHttp
{
    /// <summary>Search APIs answer small JSON documents; anything bigger is not a search answer.</summary>
    private const int MaxResponseBytes = 4_000_000;

    public static async Task<T> SendAsync<T>(HttpClient http, HttpRequestMessage request, string provider, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " Check the API key." : "";
            throw new WebSearchException(string.Create(CultureInfo.InvariantCulture, $"{provider} answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).{hint}"));
        }
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new WebSearchException($"{provider} sent a response too large to be search results.");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync(body, type, cancellationToken)
                ?? throw new WebSearchException($"{provider} sent an empty answer.");
        }
        catch (JsonException ex)
        {
            throw new WebSearchException($"{provider} sent an answer that is not the expected JSON ({ex.Message}).");
        }
    }

    /// <summary>Snippets may carry markup (Brave marks matches with <c>&lt;strong&gt;</c>): plain text only.</summary>
    public static string PlainText(string? html) =>
        string.IsNullOrEmpty(html) ? "" : HtmlTreeBuilder.Parse(html).InnerText();

    public static Uri Endpoint(string baseUrl, string path) => new(baseUrl.TrimEnd('/') + path);
}
