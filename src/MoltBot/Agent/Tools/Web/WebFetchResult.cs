namespace MoltBot.Agent.Tools.Web;

/// <summary>A fetched response: where it ended up after redirects, its status and type, and its body (cut at the byte cap).</summary>
internal sealed record WebFetchResult(Uri FinalUrl, int StatusCode, string? MediaType, string Body, long BytesRead, bool Truncated);
