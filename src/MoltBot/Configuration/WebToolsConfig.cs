namespace MoltBot.Configuration;

/// <summary><c>tools.web.*</c>: <c>web_fetch</c>, <c>web_search</c> and the private destinations allowed anyway.</summary>
internal sealed record WebToolsConfig
{
    public IReadOnlyList<string> AllowPrivate { get; init; } = [];
    public WebFetchConfig Fetch { get; init; } = new();
    public WebSearchConfig Search { get; init; } = new();
}

internal sealed record WebFetchConfig
{
    public const string DefaultUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 MoltBot/1.0";

    public bool Enabled { get; init; } = true;
    public int MaxChars { get; init; } = 50_000;
    public int MaxResponseBytes { get; init; } = 2_000_000;
    public int TimeoutSeconds { get; init; } = 20;
    public int MaxRedirects { get; init; } = 5;
    public string UserAgent { get; init; } = DefaultUserAgent;
}

internal sealed record WebSearchConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary><c>brave</c>, <c>tavily</c> or <c>searxng</c>; null picks the first configured.</summary>
    public string? Provider { get; init; }
    public int MaxResults { get; init; } = 5;
    public int TimeoutSeconds { get; init; } = 20;
    public SecretValue? BraveApiKey { get; init; }
    public string BraveBaseUrl { get; init; } = "https://api.search.brave.com";
    public SecretValue? TavilyApiKey { get; init; }
    public string TavilyBaseUrl { get; init; } = "https://api.tavily.com";
    public string? SearxngUrl { get; init; }
}
