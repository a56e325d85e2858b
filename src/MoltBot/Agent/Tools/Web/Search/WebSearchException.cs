namespace MoltBot.Agent.Tools.Web.Search;

/// <summary>A search that failed for a reason the model should read (HTTP error, bad answer); never contains the key.</summary>
internal sealed class WebSearchException(string message) : Exception(message);
