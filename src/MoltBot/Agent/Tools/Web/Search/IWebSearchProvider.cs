namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>A search API behind <c>web_search</c> (Brave, Tavily, SearXNG).</summary>
internal interface IWebSearchProvider
{
    /// <summary><c>brave</c>, <c>tavily</c> or <c>searxng</c>.</summary>
    string Name { get; }

    Task<IReadOnlyList<WebSearchResult>> SearchAsync(string query, int count, CancellationToken cancellationToken);
}
