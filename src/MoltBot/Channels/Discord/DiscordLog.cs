using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Channels.Discord;

/// <summary>
/// Every Discord log line. Loggers passed here use a <c>MoltBot.Channels.Discord.*</c> category so the line logger
/// prints <c>[discord] …</c>. Message content and the token are never logged.
/// </summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 1, EventName = EventNames.DiscordConnected, Level = LogLevel.Information, Message = "logged in to discord as {BotUserId}")]
    public static partial void Connected(this ILogger logger, string botUserId);

    [LoggerMessage(EventId = 2, EventName = EventNames.DiscordDisconnected, Level = LogLevel.Warning, Message = "disconnected from discord ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void Disconnected(this ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 3, EventName = EventNames.DiscordResumed, Level = LogLevel.Information, Message = "resumed discord session at sequence {Sequence}")]
    public static partial void Resumed(this ILogger logger, long? sequence);

    [LoggerMessage(EventId = 4, EventName = EventNames.DiscordFatal, Level = LogLevel.Error, Message = "{Reason}")]
    public static partial void Fatal(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5, EventName = EventNames.DiscordRateLimited, Level = LogLevel.Warning, Message = "discord rate limit on {Route}{Scope}: waiting {DelayMs} ms")]
    public static partial void RateLimited(this ILogger logger, string route, string scope, long delayMs);

    [LoggerMessage(EventId = 6, EventName = EventNames.DiscordServerError, Level = LogLevel.Warning, Message = "discord returned {Status} for {Route}: retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void ServerError(this ILogger logger, int status, string route, long delayMs, int attempt);

    [LoggerMessage(EventId = 7, EventName = EventNames.DiscordHandlerFailed, Level = LogLevel.Error, Message = "handling discord message {MessageId} failed")]
    public static partial void HandlerFailed(this ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 8, EventName = EventNames.DiscordDuplicateSkipped, Level = LogLevel.Debug, Message = "discord message {MessageId} already handled; skipped")]
    public static partial void DuplicateSkipped(this ILogger logger, string messageId);

    [LoggerMessage(EventId = 9, EventName = EventNames.DiscordHeartbeatMissed, Level = LogLevel.Warning, Message = "discord did not acknowledge the last heartbeat; reconnecting")]
    public static partial void HeartbeatMissed(this ILogger logger);

    [LoggerMessage(EventId = 12, EventName = EventNames.DiscordHeartbeatAck, Level = LogLevel.Debug, Message = "discord acknowledged the heartbeat after {LatencyMs} ms")]
    public static partial void HeartbeatAcknowledged(this ILogger logger, long latencyMs);

    [LoggerMessage(EventId = 10, EventName = EventNames.DiscordSessionInvalidated, Level = LogLevel.Information, Message = "discord invalidated the session (resumable: {Resumable})")]
    public static partial void SessionInvalidated(this ILogger logger, bool resumable);

    [LoggerMessage(EventId = 11, EventName = EventNames.DiscordMalformedFrame, Level = LogLevel.Warning, Message = "ignored a malformed discord gateway frame (op {Opcode}, event {EventName})")]
    public static partial void MalformedFrame(this ILogger logger, int opcode, string? eventName, Exception exception);
}
