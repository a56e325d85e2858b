using System.Net;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;

namespace MoltBot.Gateway.Security;

/// <summary>
/// The one place a gateway credential is checked (HTTP today, WebSocket <c>connect</c> later): throttle first, then the
/// constant-time token comparison, then the record of what happened (metric, audit, log). The presented token is never
/// logged or audited.
/// </summary>
internal sealed partial class GatewayAuthGuard(
    GatewayToken token, AuthFailureThrottle throttle, IAuditLog audit, MoltBotMetrics metrics, TimeProvider timeProvider, ILogger<GatewayAuthGuard> logger)
{
    // A client authenticates on every request; the audit log wants to know a new address appeared, not each call.
    private readonly OncePerAddress _successAudit = new(TimeSpan.FromHours(1), timeProvider);

    /// <param name="presented">The credential the client sent; empty when it sent none.</param>
    public GatewayAuthResult Authenticate(IPAddress? client, string path, ReadOnlySpan<char> presented)
    {
        if (throttle.RetryAfter(client) is { } wait)
        {
            return GatewayAuthResult.Throttled(wait);
        }
        var address = AddressKey.Describe(client);
        if (!presented.IsEmpty && token.Matches(presented))
        {
            if (_successAudit.TryAcquire(client))
            {
                audit.Record(new AuditEvent(AuditEventTypes.AuthSucceeded, Address: address, Detail: path));
            }
            return GatewayAuthResult.Allowed;
        }
        metrics.AuthFailures.Add(1);
        audit.Record(new AuditEvent(AuditEventTypes.AuthFailed, Address: address, Detail: path));
        LogAuthFailed(logger, address, path, presented.IsEmpty ? "no token" : "wrong token");
        if (throttle.RecordFailure(client) is { } backOff)
        {
            var seconds = (int)Math.Ceiling(backOff.TotalSeconds);
            audit.Record(new AuditEvent(AuditEventTypes.AuthThrottled, Address: address, Detail: $"back-off {seconds}s"));
            LogAuthThrottled(logger, address, seconds);
        }
        return GatewayAuthResult.Denied;
    }

    [LoggerMessage(EventId = 70, EventName = EventNames.AuthFailed, Level = LogLevel.Warning, Message = "auth failed from {Address} on {Path}: {Reason}")]
    private static partial void LogAuthFailed(ILogger logger, string address, string path, string reason);

    [LoggerMessage(EventId = 71, EventName = EventNames.AuthThrottled, Level = LogLevel.Warning,
        Message = "too many failed auth attempts from {Address}: refusing it for {Seconds}s (gateway.auth.rateLimit)")]
    private static partial void LogAuthThrottled(ILogger logger, string address, int seconds);
}
