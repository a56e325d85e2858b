namespace MoltBot.Channels.Discord;

/// <summary>
/// Settings of the Discord client. The token is a secret: it is sent only in the <c>Authorization</c> header and in
/// IDENTIFY/RESUME, and never logged. Config binding (channels.discord.*) is done by the host.
/// </summary>
internal sealed record DiscordOptions
{
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token (channels.discord.token / DISCORD_BOT_TOKEN), without the <c>Bot </c> prefix.</summary>
    public required string Token { get; init; }

    /// <summary>Reads the current token (a rotating secret reference); null: <see cref="Token"/> never changes.</summary>
    public Func<string>? TokenSource { get; init; }

    /// <summary>The token to send now: IDENTIFY, RESUME and every REST call read it, so a rotated token is used at once.</summary>
    public string CurrentToken => TokenSource?.Invoke() ?? Token;

    public string ApiBaseUrl { get; init; } = DefaultApiBaseUrl;

    public DiscordIntents Intents { get; init; } = DiscordIntents.Default;

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>, with jitter.
    /// After INVALID_SESSION(false) the client waits 1–5 times this before identifying again (Discord asks for 1–5 s).</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First wait before retrying a REST 5xx; doubles per attempt.</summary>
    public TimeSpan RestRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per REST call (the first one included) across 429s and 5xxs.</summary>
    public int RestMaxAttempts { get; init; } = 4;

    /// <summary>Message ids remembered by the in-memory de-duplicator.</summary>
    public int DeduplicationWindow { get; init; } = 1024;

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"DiscordOptions {{ ApiBaseUrl = {ApiBaseUrl}, Intents = {Intents}, Token = *** }}";
}
