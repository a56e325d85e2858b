namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>One search hit as every provider reduces it: title, URL and a snippet of plain text.</summary>
internal sealed record WebSearchResult(string Title, string Url, string Snippet);
