using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;

namespace MoltBot.Channels.RateLimits;

/// <summary>
/// Checks a sender's rate limit and reports a refusal: every refused message is counted
/// (<c>moltbot.messages.denied{reason="rate"}</c>); the first of a limited window is also logged
/// (<see cref="EventNames.SenderRateLimited"/>) and audited (<c>sender.rate_limited</c>), so a flood makes one line, not thousands.
/// </summary>
internal sealed partial class SenderRateGuard(ChannelRateLimits limits, MessageTraffic traffic, IAuditLog audit, ILogger<SenderRateGuard> logger)
{
    public const string DeniedReason = "rate";

    /// <param name="senderKey">The channel's sender id (a user id; the client address for webchat).</param>
    /// <param name="address">The client address, when the sender is known by one.</param>
    /// <param name="countAs">The channel the refusal is counted under, when it differs from the limiter's (<c>api</c> shares <c>webchat</c>'s).</param>
    public RateLimitDecision Check(string channel, string senderKey, string? address = null, string? countAs = null)
    {
        var decision = limits.TryAcquire(channel, senderKey);
        if (decision.Allowed)
        {
            return decision;
        }
        traffic.Denied(countAs ?? channel, DeniedReason);
        if (decision.FirstInWindow)
        {
            LogLimited(logger, channel, senderKey, decision.RetryAfterSeconds);
            audit.Record(new AuditEvent(AuditEventTypes.SenderRateLimited, address is null ? $"{channel}:{senderKey}" : channel, address,
                $"over channels.{channel}.rateLimit; messages dropped for about {decision.RetryAfterSeconds}s"));
        }
        return decision;
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.SenderRateLimited, Level = LogLevel.Warning,
        Message = "{Channel} sender {SenderId} is over channels.{Channel}.rateLimit; dropping their messages for about {Seconds}s (one notice sent)")]
    private static partial void LogLimited(ILogger logger, string channel, string senderId, int seconds);
}
