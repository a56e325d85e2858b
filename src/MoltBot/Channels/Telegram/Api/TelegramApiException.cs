namespace MoltBot.Channels.Telegram.Api;

/// <summary>
/// The Bot API said <c>ok:false</c> (or answered with an unexpected status). The message carries the method, code and
/// Telegram's description only, never the request URL: the bot token is part of its path.
/// </summary>
internal sealed class TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null)
    : Exception($"Telegram {method} failed ({errorCode}): {description}")
{
    public string Method { get; } = method;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsUnauthorized => ErrorCode == 401;

    /// <summary>400 "can't parse entities": the formatting was rejected; the same text may be sent plain.</summary>
    public bool IsEntityParseError => ErrorCode == 400 && Description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);
}
