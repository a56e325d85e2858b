using System.Net;

namespace MoltBot.Channels.Discord.Rest;

/// <summary>A REST call Discord refused (4xx other than 401/429), or one still failing after the bounded retries.</summary>
internal sealed class DiscordRestException : Exception
{
    public DiscordRestException()
    {
    }

    public DiscordRestException(string message) : base(message)
    {
    }

    public DiscordRestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DiscordRestException(string message, HttpStatusCode statusCode, int? discordCode) : base(message)
    {
        StatusCode = statusCode;
        DiscordCode = discordCode;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 50013 missing permissions, 10003 unknown channel).</summary>
    public int? DiscordCode { get; }
}
