using MoltBot.Configuration;

namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>Picks the search provider: <c>tools.web.search.provider</c> when set, else the first configured of Brave, Tavily, SearXNG.</summary>
internal static class WebSearchProviders
{
    /// <returns>The provider, or null when none is configured (then <c>web_search</c> is not offered).</returns>
    public static IWebSearchProvider? Select(WebSearchConfig config, HttpClient http)
    {
        if (!config.Enabled)
        {
            return null;
        }
        IWebSearchProvider? brave = config.BraveApiKey is { } braveKey ? new BraveSearchProvider(http, config.BraveBaseUrl, braveKey) : null;
        IWebSearchProvider? tavily = config.TavilyApiKey is { } tavilyKey ? new TavilySearchProvider(http, config.TavilyBaseUrl, tavilyKey) : null;
        IWebSearchProvider? searxng = config.SearxngUrl is { Length: > 0 } url ? new SearxngSearchProvider(http, url) : null;
        return config.Provider switch
        {
            "brave" => brave,
            "tavily" => tavily,
            "searxng" => searxng,
            _ => brave ?? tavily ?? searxng,
        };
    }

    /// <summary>Why <c>web_search</c> is not offered, for <c>doctor</c>-style messages; null when it is.</summary>
    public static string? WhyUnavailable(WebSearchConfig config) => config switch
    {
        { Enabled: false } => "tools.web.search.enabled is false.",
        { Provider: "brave", BraveApiKey: null } => "tools.web.search.provider is brave but no Brave key is set: set BRAVE_API_KEY or tools.web.search.brave.apiKey.",
        { Provider: "tavily", TavilyApiKey: null } => "tools.web.search.provider is tavily but no Tavily key is set: set TAVILY_API_KEY or tools.web.search.tavily.apiKey.",
        { Provider: "searxng", SearxngUrl: null } => "tools.web.search.provider is searxng but tools.web.search.searxng.url is not set.",
        { BraveApiKey: null, TavilyApiKey: null, SearxngUrl: null } => "no search provider: set BRAVE_API_KEY, TAVILY_API_KEY or tools.web.search.searxng.url.",
        _ => null,
    };
}
