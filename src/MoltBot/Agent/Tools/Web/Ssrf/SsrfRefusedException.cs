namespace MoltBot.Agent.Tools.Web.Ssrf;

/// <summary>A fetch the SSRF guard refused; the message says what was refused and how to allow it.</summary>
internal sealed class SsrfRefusedException(string message) : Exception(message);
