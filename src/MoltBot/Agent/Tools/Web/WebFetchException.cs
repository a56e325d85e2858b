namespace MoltBot.Agent.Tools.Web;

/// <summary>A fetch that failed in a way the model should read (timeout, too many redirects, not text); the message says what happened.</summary>
internal sealed class WebFetchException(string message) : Exception(message);
