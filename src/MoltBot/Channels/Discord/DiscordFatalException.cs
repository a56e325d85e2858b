namespace MoltBot.Channels.Discord;

/// <summary>
/// Discord refused us in a way retrying cannot fix (bad token, disallowed intents, invalid shard…). The message says
/// what to change; it never contains the token.
/// </summary>
internal sealed class DiscordFatalException : Exception
{
    public DiscordFatalException()
    {
    }

    public DiscordFatalException(string message) : base(message)
    {
    }

    public DiscordFatalException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DiscordFatalException(string message, int closeCode) : base(message) => CloseCode = closeCode;

    /// <summary>The gateway close code, when the gateway closed the connection.</summary>
    public int? CloseCode { get; }

    /// <summary>The token is wrong (gateway close 4004 or REST 401).</summary>
    public static DiscordFatalException TokenRejected(string how)
    {
        var message = $"Discord rejected the bot token ({how}): check channels.discord.token / DISCORD_BOT_TOKEN";
        return how == "close 4004" ? new DiscordFatalException(message, 4004) : new DiscordFatalException(message);
    }
}
