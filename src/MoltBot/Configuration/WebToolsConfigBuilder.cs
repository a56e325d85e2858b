namespace MoltBot.Configuration;

/// <summary>Builds <see cref="WebToolsConfig"/> from the <c>tools.web.*</c> leaves (defaults come from the schema).</summary>
internal static class WebToolsConfigBuilder
{
    public static WebToolsConfig Build(ConfigValues values)
    {
        var fetch = new WebFetchConfig();
        var search = new WebSearchConfig();
        return new WebToolsConfig
        {
            AllowPrivate = values.GetList("tools.web.allowPrivate") ?? [],
            Fetch = new WebFetchConfig
            {
                Enabled = values.GetBoolean("tools.web.fetch.enabled") ?? fetch.Enabled,
                MaxChars = (int)(values.GetInteger("tools.web.fetch.maxChars") ?? fetch.MaxChars),
                MaxResponseBytes = (int)(values.GetInteger("tools.web.fetch.maxResponseBytes") ?? fetch.MaxResponseBytes),
                TimeoutSeconds = (int)(values.GetInteger("tools.web.fetch.timeoutSeconds") ?? fetch.TimeoutSeconds),
                MaxRedirects = (int)(values.GetInteger("tools.web.fetch.maxRedirects") ?? fetch.MaxRedirects),
                UserAgent = values.GetString("tools.web.fetch.userAgent") ?? fetch.UserAgent,
            },
            Search = new WebSearchConfig
            {
                Enabled = values.GetBoolean("tools.web.search.enabled") ?? search.Enabled,
                Provider = values.GetString("tools.web.search.provider"),
                MaxResults = (int)(values.GetInteger("tools.web.search.maxResults") ?? search.MaxResults),
                TimeoutSeconds = (int)(values.GetInteger("tools.web.search.timeoutSeconds") ?? search.TimeoutSeconds),
                BraveApiKey = Secret(values, "tools.web.search.brave.apiKey"),
                BraveBaseUrl = values.GetString("tools.web.search.brave.baseUrl") ?? search.BraveBaseUrl,
                TavilyApiKey = Secret(values, "tools.web.search.tavily.apiKey"),
                TavilyBaseUrl = values.GetString("tools.web.search.tavily.baseUrl") ?? search.TavilyBaseUrl,
                SearxngUrl = values.GetString("tools.web.search.searxng.url"),
            },
        };
    }

    internal static SecretValue? Secret(ConfigValues values, string path) => values.GetSecret(path);
}
