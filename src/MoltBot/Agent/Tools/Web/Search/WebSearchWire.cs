using System.Text.Json.Serialization;

namespace MoltBot.Agent.Tools.Web.Search;

// Wire shapes of the three search APIs: only the fields web_search reads.

/// <summary>Brave <c>GET /res/v1/web/search</c> response: <c>{ web: { results: [{ title, url, description }] } }</c>.</summary>
internal sealed record BraveSearchResponse([property: JsonPropertyName("web")] BraveWebResults? Web);

internal sealed record BraveWebResults([property: JsonPropertyName("results")] IReadOnlyList<BraveWebResult>? Results);

internal sealed record BraveWebResult(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>Tavily <c>POST /search</c> request body.</summary>
internal sealed record TavilySearchRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("max_results")] int MaxResults,
    [property: JsonPropertyName("search_depth")] string SearchDepth = "basic");

/// <summary>Tavily response: <c>{ results: [{ title, url, content, score }] }</c>.</summary>
internal sealed record TavilySearchResponse([property: JsonPropertyName("results")] IReadOnlyList<TavilySearchHit>? Results);

internal sealed record TavilySearchHit(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("content")] string? Content);

/// <summary>SearXNG <c>GET /search?format=json</c> response: <c>{ results: [{ title, url, content }] }</c>.</summary>
internal sealed record SearxngSearchResponse([property: JsonPropertyName("results")] IReadOnlyList<SearxngSearchHit>? Results);

internal sealed record SearxngSearchHit(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("content")] string? Content);

[JsonSerializable(typeof(BraveSearchResponse))]
[JsonSerializable(typeof(TavilySearchRequest))]
[JsonSerializable(typeof(TavilySearchResponse))]
[JsonSerializable(typeof(SearxngSearchResponse))]
internal sealed partial class WebSearchJsonContext : JsonSerializerContext;
